using System.Globalization;

namespace Engagement.Metrics.Sentiment;

/// <summary>Argument checks shared by the scorers.</summary>
internal static class SentimentScoring
{
    public static void RequireDestination(int texts, int destination)
    {
        if (destination < texts)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"destination has {destination} elements but there are {texts} texts; pass a destination at least as long as texts."),
                nameof(destination));
        }
    }
}
