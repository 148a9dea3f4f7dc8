namespace Engagement.Metrics.Triage;

/// <summary>Validation and equality of the phrase lists held by the triage options.</summary>
internal static class PhraseLists
{
    /// <summary>What is wrong with a list (null, an empty phrase, a phrase that is not folded), or null when it is fine.</summary>
    public static string? Problem(IReadOnlyList<string>? phrases)
    {
        if (phrases is null)
        {
            return "the list is null; use an empty list to switch the feature off.";
        }

        for (int i = 0; i < phrases.Count; i++)
        {
            string p = phrases[i];
            if (string.IsNullOrWhiteSpace(p) || p == "*")
            {
                return $"phrase [{i}] is empty; remove it.";
            }

            if (!PhraseMatcher.IsFolded(p))
            {
                return $"phrase [{i}] '{p}' is not folded; write it in lower case without accents (ñ stays), for example '{Sentiment.TextFolding.Fold(p)}'.";
            }
        }

        return null;
    }

    public static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
