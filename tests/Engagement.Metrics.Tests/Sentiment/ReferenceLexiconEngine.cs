using System.Globalization;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Tests.Sentiment;

/// <summary>
/// A deliberately plain implementation of the scorer's rules, for differential tests of the optimised
/// <c>LexiconEngine</c>: fold character by character, tokenize character by character, look every word and phrase
/// up by span (the tables hash it), apply the rules with ordinary branches, and sum every token. It shares only the
/// lexicon contents (<see cref="SentimentLexicons"/>), the Spanish inflection fallback and the constants; no hash
/// passing, packing, masks, filters or branch-free arithmetic.
/// </summary>
internal static class ReferenceLexiconEngine
{
    public static SentimentScore Score(string? text, SentimentLanguage language, SentimentOptions options)
    {
        text ??= string.Empty;
        if (text.Length == 0)
        {
            return default;
        }

        char[] folded = TextFolding.Fold(text).ToCharArray();
        List<Token> tokens = Tokenize(text, folded, out int exclamations, out int questions, out bool capsDifferential);
        if (language == SentimentLanguage.Auto)
        {
            language = DetectLanguage(text, folded, tokens);
        }

        SentimentLexicon lexicon = language == SentimentLanguage.Spanish ? SentimentLexicons.Spanish : SentimentLexicons.English;
        tokens = LookUp(folded, tokens, lexicon, out int contrast);
        double sum = 0;
        double positive = 0;
        double negative = 0;
        double neutral = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            double s = Sentiment(tokens, i, contrast, capsDifferential);
            sum += s;
            if (s > 0)
            {
                positive += s + 1;
            }
            else if (s < 0)
            {
                negative += s - 1;
            }
            else
            {
                neutral += 1;
            }
        }

        // Punctuation emphasis goes to the sum's direction and to the larger of the positive and negative masses.
        double question = questions switch
        {
            < 2 => 0,
            < 4 => questions * SentimentRules.QuestionIncrement,
            _ => SentimentRules.QuestionCap,
        };
        double emphasis = (SentimentRules.ExclamationIncrement * Math.Min(exclamations, SentimentRules.MaxExclamations)) + question;
        double x = sum == 0 ? 0 : sum + Math.CopySign(emphasis, sum);
        double compound = x == 0 ? 0 : Math.Max(-1, Math.Min(1, x / Math.Sqrt((x * x) + options.NormalizationAlpha)));
        switch (Math.Sign(positive + negative))
        {
            case > 0:
                positive += emphasis;
                break;
            case < 0:
                negative -= emphasis;
                break;
        }

        double mass = positive + Math.Abs(negative) + neutral;
        SentimentLabel label = options.Classify(compound);
        return mass <= 0
            ? new SentimentScore(compound, 0, 0, 0, label, trusted: true)
            : new SentimentScore(compound, positive / mass, neutral / mass, Math.Abs(negative) / mass, label, trusted: true);
    }

    public static SentimentLanguage DetectLanguage(string text)
    {
        char[] folded = TextFolding.Fold(text).ToCharArray();
        return DetectLanguage(text, folded, Tokenize(text, folded, out _, out _, out _));
    }

    private static SentimentLanguage DetectLanguage(string text, char[] folded, List<Token> tokens)
    {
        int english = 0;
        int spanish = (text.Any("ñÑáéíóúÁÉÍÓÚ".Contains) ? 1 : 0) + (text.Any("¡¿".Contains) ? 1 : 0);
        foreach (Token token in tokens)
        {
            if (token.Kind == Kind.Word && SentimentLexicons.LanguageHints.TryGetValue(folded.AsSpan(token.Start, token.Length), out sbyte vote))
            {
                if (vote > 0)
                {
                    english++;
                }
                else
                {
                    spanish++;
                }
            }
        }

        return spanish > english ? SentimentLanguage.Spanish : SentimentLanguage.English;
    }

    private static int Class(char c) =>
        char.IsWhiteSpace(c) ? 1
        : c == '\'' ? 2
        : char.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber ? 3
        : 0;

    private static List<Token> Tokenize(string text, char[] folded, out int exclamations, out int questions, out bool capsDifferential)
    {
        exclamations = text.Count(c => c == '!');
        questions = text.Count(c => c == '?');
        SymbolTable symbols = SentimentLexicons.Symbols;
        var tokens = new List<Token>();
        int k = 0;
        while (k < folded.Length)
        {
            if (Class(folded[k]) == 1)
            {
                k++;
                continue;
            }

            int chunkStart = k;
            while (k < folded.Length && Class(folded[k]) != 1)
            {
                k++;
            }

            int chunkEnd = k;
            int before = tokens.Count;
            bool plain = true;
            for (int j = chunkStart; j < chunkEnd; j++)
            {
                int cls = Class(folded[j]);
                if (cls == 3)
                {
                    int w = j;
                    while (j + 1 < chunkEnd && Class(folded[j + 1]) >= 2)
                    {
                        j++;
                    }

                    int end = j + 1;
                    while (folded[end - 1] == '\'')
                    {
                        end--;
                    }

                    string original = text[w..end];
                    bool allCaps = char.IsUpper(original[0]) && !original.Any(char.IsLower) && original.Count(char.IsUpper) >= 2;
                    tokens.Add(new Token { Start = w, Length = end - w, Kind = Kind.Word, AllCaps = allCaps });
                }
                else if (cls == 0)
                {
                    plain = false;
                    char d = folded[j];
                    if (d < 0x2100)
                    {
                        continue;
                    }

                    if (char.IsHighSurrogate(d) && j + 1 < chunkEnd && char.IsLowSurrogate(folded[j + 1]))
                    {
                        if (symbols.Lookup.TryGetValue(folded.AsSpan(j, 2), out double valence))
                        {
                            tokens.Add(new Token { Start = j, Length = 2, Kind = Kind.Symbol, Valence = valence, Flags = TermFlags.HasValence });
                        }

                        j++;
                    }
                    else if (char.GetUnicodeCategory(d) == UnicodeCategory.OtherSymbol && symbols.Lookup.TryGetValue(folded.AsSpan(j, 1), out double valence))
                    {
                        tokens.Add(new Token { Start = j, Length = 1, Kind = Kind.Symbol, Valence = valence, Flags = TermFlags.HasValence });
                    }
                }
            }

            if (!plain)
            {
                string chunk = new(folded, chunkStart, chunkEnd - chunkStart);
                string trimmed = chunk.Length > 1 ? chunk.TrimEnd('.', ',', '!', '?') : chunk;
                if (trimmed.Length == 0)
                {
                    trimmed = chunk[..1];
                }

                if (symbols.Lookup.TryGetValue(chunk, out double whole) || (trimmed.Length < chunk.Length && symbols.Lookup.TryGetValue(trimmed, out whole)))
                {
                    int length = symbols.Lookup.TryGetValue(chunk, out _) ? chunk.Length : trimmed.Length;
                    tokens.RemoveRange(before, tokens.Count - before);
                    tokens.Add(new Token { Start = chunkStart, Length = length, Kind = Kind.Symbol, Valence = whole, Flags = TermFlags.HasValence });
                }
            }
        }

        int words = tokens.Count(t => t.Kind == Kind.Word);
        int caps = tokens.Count(t => t.Kind == Kind.Word && t.AllCaps);
        capsDifferential = caps > 0 && caps < words;
        return tokens;
    }

    private static List<Token> LookUp(char[] folded, List<Token> tokens, SentimentLexicon lexicon, out int contrast)
    {
        var kept = new List<Token>();
        contrast = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (token.Kind == Kind.Word)
            {
                ReadOnlySpan<char> word = folded.AsSpan(token.Start, token.Length);
                if (lexicon.Words.TryGetValue(word, out TermEntry entry))
                {
                    if ((entry.Flags & TermFlags.PhraseStart) != 0 && TryPhrase(folded, tokens, i, lexicon, out TermEntry phrase, out int consumed))
                    {
                        entry = phrase;
                        i += consumed - 1;
                    }
                }
                else if (lexicon.Spanish)
                {
                    _ = SpanishForms.TryLookUp(word, lexicon, out entry, out sbyte adjust);
                    token.SelfAdjust = adjust;
                }

                token.Valence = entry.Valence;
                token.Boost = entry.Boost;
                token.Flags = entry.Flags;
                if (!lexicon.Spanish && word.EndsWith("n't", StringComparison.Ordinal))
                {
                    token.Flags |= TermFlags.Negation;
                }
            }

            if (contrast < 0 && (token.Flags & TermFlags.Contrast) != 0)
            {
                contrast = kept.Count;
            }

            kept.Add(token);
        }

        return kept;
    }

    private static bool TryPhrase(char[] folded, List<Token> tokens, int first, SentimentLexicon lexicon, out TermEntry entry, out int consumed)
    {
        entry = default;
        consumed = 1;

        // Longer and longer keys of whole words; the search ends at the first key that is neither a phrase nor a
        // phrase prefix (or is longer than 96 characters); the longest real phrase seen wins.
        var words = new List<string> { new(folded, tokens[first].Start, tokens[first].Length) };
        int limit = Math.Min(tokens.Count, first + lexicon.MaxPhraseWords);
        for (int j = first + 1; j < limit && tokens[j].Kind == Kind.Word; j++)
        {
            words.Add(new string(folded, tokens[j].Start, tokens[j].Length));
            string key = string.Join(' ', words);
            if (key.Length > 96 || !lexicon.Phrases.TryGetValue(key, out TermEntry found))
            {
                break;
            }

            if ((found.Flags & TermFlags.PhrasePrefix) == 0)
            {
                (entry, consumed) = (found, words.Count);
            }
        }

        return consumed > 1;
    }

    private static double Sentiment(List<Token> tokens, int i, int contrast, bool capsDifferential)
    {
        Token token = tokens[i];
        if ((token.Flags & TermFlags.HasValence) == 0 || (token.Flags & TermFlags.Booster) != 0)
        {
            return 0;
        }

        if ((token.Flags & TermFlags.Negation) != 0 && i + 1 < tokens.Count && (tokens[i + 1].Flags & TermFlags.HasValence) != 0)
        {
            return 0;
        }

        double v = token.Valence;
        double sign = v > 0 ? 1 : -1;
        if (capsDifferential && token.AllCaps)
        {
            v += sign * SentimentRules.CapsIncrement;
        }

        v += sign * token.SelfAdjust * SentimentRules.BoosterIncrement;
        bool negated = false;
        for (int d = 1; d <= SentimentRules.Window && i - d >= 0; d++)
        {
            Token before = tokens[i - d];
            if ((before.Flags & TermFlags.Booster) != 0)
            {
                double boost = sign * before.Boost;
                if (capsDifferential && before.AllCaps)
                {
                    boost += sign * SentimentRules.CapsIncrement;
                }

                v += boost * SentimentRules.DistanceScale[d - 1];
            }

            negated |= (before.Flags & TermFlags.Negation) != 0;
        }

        double sentiment;
        if (negated)
        {
            sentiment = v * SentimentRules.NegationScalar;
        }
        else if ((token.Flags & TermFlags.NegatedOnly) == 0)
        {
            sentiment = v;
        }
        else
        {
            return 0;
        }

        if (contrast >= 0)
        {
            sentiment *= i < contrast ? SentimentRules.BeforeContrast : i > contrast ? SentimentRules.AfterContrast : 1;
        }

        return sentiment;
    }

    private enum Kind
    {
        Word,
        Symbol,
    }

    private struct Token
    {
        public int Start;
        public int Length;
        public Kind Kind;
        public bool AllCaps;
        public TermFlags Flags;
        public sbyte SelfAdjust;
        public double Valence;
        public double Boost;
    }
}
