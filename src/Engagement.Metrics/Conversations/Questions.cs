namespace Engagement.Metrics.Conversations;

/// <summary>
/// Counts the questions in a message, in English and Spanish, without allocating.
/// </summary>
/// <remarks>
/// <para>
/// The text is cut into sentences at <c>. ! ? …</c> and line breaks (a run of terminators such as <c>?!</c> or
/// <c>...</c> ends one sentence). A sentence is a question when it ends with <c>?</c>, contains the Spanish opening
/// mark <c>¿</c>, or its first word is an interrogative opener. Question <i>sentences</i> are counted, not question
/// marks: <c>"What??"</c> is one question, and an interrogative-opened sentence without <c>?</c> (customers often
/// drop it) counts once.
/// </para>
/// <para>
/// English openers: what, why, how, when, where, who, whom, whose, which, can, could, would, will, should, shall,
/// is, are, am, was, were, do, does, did, have, has, may, might. Spanish openers, with and without accents: qué,
/// cómo, cuándo, dónde, adónde, por qué, cuál, cuáles, quién, quiénes, cuánto, cuánta, cuántos, cuántas — except
/// unaccented "que" (it usually opens a wish, "Que tengas buen día") and "porque" (because). Matching ignores case.
/// Known limit: a declarative sentence opened by a subordinating "when"/"cuando" or "como" ("When I called, …")
/// counts as a question; the rule prefers counting a question without its mark over missing it.
/// </para>
/// </remarks>
public static class Questions
{
    private static readonly string[] Openers =
    [
        "what", "why", "how", "when", "where", "who", "whom", "whose", "which", "can", "could", "would", "will",
        "should", "shall", "is", "are", "am", "was", "were", "do", "does", "did", "have", "has", "may", "might",
        "qué", "cómo", "como", "cuándo", "cuando", "dónde", "donde", "adónde", "adonde", "cuál", "cual", "cuáles", "cuales",
        "quién", "quien", "quiénes", "quienes", "cuánto", "cuanto", "cuánta", "cuanta", "cuántos", "cuantos", "cuántas", "cuantas",
    ];

    /// <summary>The number of question sentences in <paramref name="text"/> (rules in the remarks).</summary>
    /// <param name="text">The message text.</param>
    /// <returns>The number of question sentences, ≥ 0.</returns>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            int end = i;
            while (end < text.Length && !IsTerminator(text[end]))
            {
                end++;
            }

            ReadOnlySpan<char> sentence = text[i..end];
            bool question = (end < text.Length && text[end] == '?') || sentence.Contains('¿') || OpensWithInterrogative(sentence);

            // A run of terminators ("?!", "...", "??") closes one sentence; a '?' anywhere in the run makes it a question.
            while (end < text.Length && IsTerminator(text[end]))
            {
                question |= text[end] == '?' && HasLetter(sentence);
                end++;
            }

            if (question && HasLetter(sentence))
            {
                count++;
            }

            i = end;
        }

        return count;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '\n' or '\r';

    private static bool HasLetter(ReadOnlySpan<char> sentence)
    {
        foreach (char c in sentence)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OpensWithInterrogative(ReadOnlySpan<char> sentence)
    {
        int start = 0;
        while (start < sentence.Length && !char.IsLetter(sentence[start]))
        {
            start++;
        }

        int end = start;
        while (end < sentence.Length && char.IsLetter(sentence[end]))
        {
            end++;
        }

        if (end == start || end - start > 7)
        {
            return false;
        }

        ReadOnlySpan<char> word = sentence[start..end];
        if (end < sentence.Length && sentence[end] is '\'' or '’')
        {
            // "what's", "where's" open questions; "can't", "isn't" open exclamations as often as questions ("Can't wait!").
            return word.Length > 2 && word[0] is 'w' or 'W' && word[1] is 'h' or 'H' || word.Equals("how", StringComparison.OrdinalIgnoreCase);
        }

        foreach (string opener in Openers)
        {
            if (word.Equals(opener, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "por qué" / "por que" (two words); "porque" (because) is not an opener.
        if (word.Equals("por", StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> rest = sentence[end..].TrimStart();
            int next = 0;
            while (next < rest.Length && char.IsLetter(rest[next]))
            {
                next++;
            }

            ReadOnlySpan<char> second = rest[..next];
            return second.Equals("qué", StringComparison.OrdinalIgnoreCase) || second.Equals("que", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }
}
