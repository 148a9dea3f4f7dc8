using System.Globalization;

namespace Engagement.Metrics.Surveys;

/// <summary>The rules every survey scale obeys.</summary>
internal static class SurveyScale
{
    /// <summary>The highest score any scale may use (scales up to 0..100 are supported).</summary>
    public const int Ceiling = 100;

    public static void Validate(int minimum, int maximum)
    {
        if (minimum < 0 || maximum > Ceiling || maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maximum),
                string.Create(CultureInfo.InvariantCulture, $"The scale {minimum}..{maximum} is not valid: it needs 0 <= minimum < maximum <= {Ceiling}."));
        }
    }
}
