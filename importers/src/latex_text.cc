// LaTeX in BibTeX values to plain UTF-8 (LatexToUtf8 in
// bibliography_readers.h). Titles and names must compare with what other
// authorities write ("Müller", not "M{\"u}ller"), so accents become
// characters: a base letter and a combining mark, composed by ICU's NFC.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <string>
#include <string_view>

#include "bibliography_readers.h"

namespace evq::internal {
namespace {

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The combining mark of an accent command (\' \" \c ...); 0 if none.
char32_t AccentMark(std::string_view command) {
  static const struct {
    const char* name;
    char32_t mark;
  } kAccents[] = {
      {"`", 0x300}, {"'", 0x301}, {"^", 0x302},  {"~", 0x303}, {"=", 0x304},
      {"u", 0x306}, {".", 0x307}, {"\"", 0x308}, {"r", 0x30A}, {"H", 0x30B},
      {"v", 0x30C}, {"d", 0x323}, {"c", 0x327},  {"k", 0x328}, {"b", 0x331},
  };
  for (const auto& a : kAccents) {
    if (command == a.name) return a.mark;
  }
  return 0;
}

// Commands that stand for a character or a string.
const char* Symbol(std::string_view command) {
  static const struct {
    const char* name;
    const char* text;
  } kSymbols[] = {
      {"ss", "ß"},
      {"o", "ø"},
      {"O", "Ø"},
      {"ae", "æ"},
      {"AE", "Æ"},
      {"oe", "œ"},
      {"OE", "Œ"},
      {"aa", "å"},
      {"AA", "Å"},
      {"l", "ł"},
      {"L", "Ł"},
      {"i", "ı"},
      {"j", "ȷ"},
      {"dh", "ð"},
      {"DH", "Ð"},
      {"th", "þ"},
      {"TH", "Þ"},
      {"ng", "ŋ"},
      {"NG", "Ŋ"},
      {"&", "&"},
      {"%", "%"},
      {"$", "$"},
      {"#", "#"},
      {"_", "_"},
      {"{", "{"},
      {"}", "}"},
      {" ", " "},
      {",", " "},
      {";", " "},
      {"\\", " "},
      {"-", ""},
      {"/", ""},
      {"textbackslash", "\\"},
      {"textendash", "–"},
      {"textemdash", "—"},
      {"textquoteleft", "‘"},
      {"textquoteright", "’"},
      {"textquotedblleft", "“"},
      {"textquotedblright", "”"},
      {"textregistered", "®"},
      {"texttrademark", "™"},
      {"copyright", "©"},
      {"textcopyright", "©"},
      {"S", "§"},
      {"P", "¶"},
      {"dag", "†"},
      {"ddag", "‡"},
      {"ldots", "…"},
      {"dots", "…"},
      {"textellipsis", "…"},
      {"textdegree", "°"},
      {"degree", "°"},
      {"euro", "€"},
      {"pounds", "£"},
      {"textmu", "µ"},
      {"textasciitilde", "~"},
      {"LaTeX", "LaTeX"},
      {"TeX", "TeX"},
      {"alpha", "α"},
      {"beta", "β"},
      {"gamma", "γ"},
      {"delta", "δ"},
      {"epsilon", "ε"},
      {"varepsilon", "ε"},
      {"zeta", "ζ"},
      {"eta", "η"},
      {"theta", "θ"},
      {"kappa", "κ"},
      {"lambda", "λ"},
      {"mu", "μ"},
      {"nu", "ν"},
      {"xi", "ξ"},
      {"pi", "π"},
      {"rho", "ρ"},
      {"sigma", "σ"},
      {"tau", "τ"},
      {"phi", "φ"},
      {"varphi", "φ"},
      {"chi", "χ"},
      {"psi", "ψ"},
      {"omega", "ω"},
      {"Gamma", "Γ"},
      {"Delta", "Δ"},
      {"Theta", "Θ"},
      {"Lambda", "Λ"},
      {"Sigma", "Σ"},
      {"Phi", "Φ"},
      {"Psi", "Ψ"},
      {"Omega", "Ω"},
      {"pm", "±"},
      {"times", "×"},
      {"le", "≤"},
      {"leq", "≤"},
      {"ge", "≥"},
      {"geq", "≥"},
      {"approx", "≈"},
      {"neq", "≠"},
      {"infty", "∞"},
      {"cdot", "·"},
      {"rightarrow", "→"},
      {"to", "→"},
  };
  for (const auto& s : kSymbols) {
    if (command == s.name) return s.text;
  }
  return nullptr;
}

// Commands whose braced argument is a URL or a label to drop, not text.
bool DropsArgument(std::string_view command) {
  return command == "label" || command == "cite" || command == "ref" ||
         command == "index";
}

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}

  std::string Run() {
    while (i_ < in_.size()) Step();
    return out_;
  }

 private:
  void Step() {
    char c = in_[i_];
    if (c == '\\') {
      Command();
    } else if (c == '{' || c == '}' || c == '$') {
      ++i_;  // grouping and math shifts carry no text
    } else if (c == '~') {
      out_ += ' ';
      ++i_;
    } else if (c == '-' && in_.substr(i_).starts_with("---")) {
      out_ += "—";
      i_ += 3;
    } else if (c == '-' && in_.substr(i_).starts_with("--")) {
      out_ += "–";
      i_ += 2;
    } else if (in_.substr(i_).starts_with("``")) {
      out_ += "“";
      i_ += 2;
    } else if (in_.substr(i_).starts_with("''")) {
      out_ += "”";
      i_ += 2;
    } else {
      out_ += c;
      ++i_;
    }
  }

  // The command name after a backslash: letters, or one other character.
  std::string_view Name() {
    size_t start = i_;
    if (i_ < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i_]))) {
      while (i_ < in_.size() &&
             std::isalpha(static_cast<unsigned char>(in_[i_])))
        ++i_;
      std::string_view name = in_.substr(start, i_ - start);
      // A space after a letter command ends it and is not text ("{\o} ").
      if (i_ < in_.size() && in_[i_] == ' ' && Symbol(name) != nullptr &&
          AccentMark(name) == 0) {
        ++i_;
      }
      return name;
    }
    if (i_ < in_.size()) ++i_;
    return in_.substr(start, i_ - start);
  }

  // The raw text of the braced group at i_ (consumed), or of one
  // character or command when there are no braces (\'e, \c c, \"\i).
  std::string Argument() {
    while (i_ < in_.size() && in_[i_] == ' ') ++i_;
    if (i_ >= in_.size()) return "";
    if (in_[i_] == '{') {
      int depth = 0;
      size_t start = i_ + 1;
      for (; i_ < in_.size(); ++i_) {
        if (in_[i_] == '{') ++depth;
        if (in_[i_] == '}' && --depth == 0) break;
      }
      std::string arg(in_.substr(start, i_ - start));
      if (i_ < in_.size()) ++i_;
      return arg;
    }
    if (in_[i_] == '\\') {
      size_t start = i_++;
      Name();
      return std::string(in_.substr(start, i_ - start));
    }
    // One UTF-8 character.
    size_t start = i_++;
    while (i_ < in_.size() &&
           (static_cast<unsigned char>(in_[i_]) & 0xC0) == 0x80)
      ++i_;
    return std::string(in_.substr(start, i_ - start));
  }

  void Command() {
    ++i_;  // the backslash
    std::string_view name = Name();
    if (char32_t mark = AccentMark(name); mark != 0) {
      std::string base = Decoder(Argument()).Run();
      // A dotless i or j takes the accent as a plain letter does.
      if (base == "ı") base = "i";
      if (base == "ȷ") base = "j";
      if (base.empty()) return;
      out_ += base;
      AppendUtf8(&out_, mark);
      return;
    }
    if (const char* s = Symbol(name); s != nullptr) {
      out_ += s;
      return;
    }
    if (name == "href") {  // \href{url}{text}: the text
      Argument();
      out_ += Decoder(Argument()).Run();
      return;
    }
    if (name == "url") {  // verbatim
      out_ += Argument();
      return;
    }
    // Formatting (\emph, \textit, \textsc, \mathrm, ...) and unknown
    // commands: their argument, if any, is text.
    size_t save = i_;
    while (save < in_.size() && in_[save] == ' ') ++save;
    if (save < in_.size() && in_[save] == '{') {
      std::string arg = Argument();
      if (!DropsArgument(name)) out_ += Decoder(arg).Run();
    }
  }

  std::string_view in_;
  size_t i_ = 0;
  std::string out_;
};

std::string Nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return s;
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace

std::string LatexToUtf8(std::string_view latex) {
  std::string decoded = CollapseSpace(Decoder(latex).Run());
  // Only text that got a combining mark needs composing.
  bool ascii = true;
  for (char c : decoded) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  return ascii ? decoded : Nfc(decoded);
}

}  // namespace evq::internal
