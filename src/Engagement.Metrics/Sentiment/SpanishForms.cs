namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Spanish inflection fallbacks for a folded word the lexicon does not hold, tried in order:
/// plural and gender (<c>-s</c>, <c>-es</c>, <c>-a</c>↔<c>-o</c>: "malas" → "malo");
/// absolute superlative <c>-ísimo/-ísima(s)</c> ("buenísimo" → "bueno", "riquísimo" → "rico", "amabilísimo" → "amable"),
/// which also boosts like "muy" (+0.293 in the valence's direction); and diminutive
/// <c>-ito/-ita/-illo/-illa(s)</c> ("problemita" → "problema"), which dampens (−0.293).
/// Candidates are built in a stack buffer; nothing is allocated.
/// </summary>
internal static class SpanishForms
{
    private const int MaxLength = 40;

    public static bool TryLookUp(ReadOnlySpan<char> word, SentimentLexicon lexicon, out TermEntry entry, out sbyte adjust)
    {
        adjust = 0;
        if (word.Length < 4 || word.Length > MaxLength)
        {
            entry = default;
            return false;
        }

        Span<char> buffer = stackalloc char[MaxLength + 4];
        if (TryInflection(word, lexicon, buffer, out entry))
        {
            return true;
        }

        ReadOnlySpan<char> stem = StripPlural(word);
        if (stem.EndsWith("isimo") || stem.EndsWith("isima"))
        {
            adjust = 1;
            return TryStem(stem[..^5], lexicon, buffer, out entry) || Fail(out adjust);
        }

        if (stem.EndsWith("ito") || stem.EndsWith("ita") || stem.EndsWith("illo") || stem.EndsWith("illa"))
        {
            adjust = -1;
            int cut = stem.EndsWith("ito") || stem.EndsWith("ita") ? 3 : 4;
            return TryStem(stem[..^cut], lexicon, buffer, out entry) || Fail(out adjust);
        }

        return false;
    }

    private static bool Fail(out sbyte adjust)
    {
        adjust = 0;
        return false;
    }

    private static ReadOnlySpan<char> StripPlural(ReadOnlySpan<char> word) =>
        word.Length > 4 && word[^1] == 's' ? word[..^1] : word;

    /// <summary>"malas" → "mala" → "malo"; "fallos" → "fallo"; "errores" → "error".</summary>
    private static bool TryInflection(ReadOnlySpan<char> word, SentimentLexicon lexicon, Span<char> buffer, out TermEntry entry)
    {
        if (word[^1] == 's')
        {
            ReadOnlySpan<char> singular = word[..^1];
            if (Find(singular, lexicon, out entry) || SwapGender(singular, lexicon, buffer, out entry))
            {
                return true;
            }

            if (singular[^1] == 'e' && Find(singular[..^1], lexicon, out entry))
            {
                return true;
            }
        }

        return SwapGender(word, lexicon, buffer, out entry);
    }

    private static bool SwapGender(ReadOnlySpan<char> word, SentimentLexicon lexicon, Span<char> buffer, out TermEntry entry)
    {
        char last = word[^1];
        if (last is 'a' or 'o')
        {
            word.CopyTo(buffer);
            buffer[word.Length - 1] = last == 'a' ? 'o' : 'a';
            return Find(buffer[..word.Length], lexicon, out entry);
        }

        entry = default;
        return false;
    }

    /// <summary>A stem left by a suffix: stem+o, stem+e, stem+a, stem; "qu"→"c" and "gu"→"g" before them; "bil"→"ble".</summary>
    private static bool TryStem(ReadOnlySpan<char> stem, SentimentLexicon lexicon, Span<char> buffer, out TermEntry entry)
    {
        entry = default;
        if (stem.Length < 2)
        {
            return false;
        }

        int length = stem.Length;
        stem.CopyTo(buffer);
        if (stem.EndsWith("qu"))
        {
            buffer[length - 2] = 'c';
            length--;
        }
        else if (stem.EndsWith("gu"))
        {
            length--;
        }
        else if (stem.EndsWith("bil"))
        {
            buffer[length - 2] = 'l';
            buffer[length - 1] = 'e';
            return Find(buffer[..length], lexicon, out entry);
        }

        foreach (char ending in "oea")
        {
            buffer[length] = ending;
            if (Find(buffer[..(length + 1)], lexicon, out entry))
            {
                return true;
            }
        }

        return Find(buffer[..length], lexicon, out entry);
    }

    private static bool Find(ReadOnlySpan<char> candidate, SentimentLexicon lexicon, out TermEntry entry) =>
        lexicon.Words.TryGetValue(candidate, out entry) && (entry.Flags & TermFlags.HasValence) != 0;
}
