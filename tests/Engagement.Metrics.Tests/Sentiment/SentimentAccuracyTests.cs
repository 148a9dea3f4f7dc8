using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Tests.Sentiment;

/// <summary>
/// Accuracy on our labelled test sets (Data/README.md explains how they were written and when the rules were
/// last changed). Floors sit slightly under the figures reported in docs/metrics/sentiment.md, so a change that
/// makes the scorer worse fails here.
/// </summary>
public class SentimentAccuracyTests
{
    private static readonly string[] Labels = ["positive", "neutral", "negative"];

    [Theory]
    [InlineData("en", SentimentLanguage.English, 0.86, 0.86)]
    [InlineData("es", SentimentLanguage.Spanish, 0.87, 0.87)]
    public void Accuracy_and_macro_F1_stay_above_the_reported_floor(string file, SentimentLanguage language, double accuracyFloor, double macroF1Floor)
    {
        (string Label, string Text)[] rows = Load(file);
        var scorer = new LexiconSentimentScorer(new SentimentOptions { Language = language });
        var confusion = new int[3, 3];
        foreach ((string label, string text) in rows)
        {
            int truth = Array.IndexOf(Labels, label);
            int predicted = scorer.Score(text).Label switch
            {
                SentimentLabel.Positive => 0,
                SentimentLabel.Neutral => 1,
                _ => 2,
            };
            confusion[truth, predicted]++;
        }

        (double accuracy, double macroF1) = Metrics(confusion, rows.Length);
        Assert.True(rows.Length >= 300, $"{file}: {rows.Length} messages; the test set must hold at least 300");
        Assert.True(accuracy >= accuracyFloor, $"{file}: accuracy {accuracy:0.0000} fell below {accuracyFloor}");
        Assert.True(macroF1 >= macroF1Floor, $"{file}: macro-F1 {macroF1:0.0000} fell below {macroF1Floor}");
    }

    [Fact]
    public void Language_detection_is_right_on_almost_every_test_message()
    {
        int right = 0;
        int total = 0;
        foreach ((string file, SentimentLanguage language) in new[] { ("en", SentimentLanguage.English), ("es", SentimentLanguage.Spanish) })
        {
            foreach ((_, string text) in Load(file))
            {
                total++;
                right += LexiconSentimentScorer.DetectLanguage(text) == language ? 1 : 0;
            }
        }

        Assert.True(right / (double)total >= 0.99, $"language detection {right}/{total}");
    }

    [Fact]
    public void Macro_F1_of_a_known_confusion_matrix()
    {
        // rows = truth, columns = prediction. Class P: tp 8, fp 1, fn 2 -> P 8/9, R 8/10, F1 = 16/19.
        // Class U: tp 5, fp 3, fn 1 -> P 5/8, R 5/6, F1 = 10/14. Class N: tp 3, fp 0, fn 1 -> P 1, R 3/4, F1 = 6/7.
        int[,] confusion = { { 8, 2, 0 }, { 1, 5, 0 }, { 0, 1, 3 } };
        (double accuracy, double macroF1) = Metrics(confusion, 20);
        Assert.Equal(16 / 20.0, accuracy, 12);
        Assert.Equal(((16 / 19.0) + (10 / 14.0) + (6 / 7.0)) / 3, macroF1, 12);
    }

    internal static (string Label, string Text)[] Load(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Sentiment", "Data", file + ".tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[2]))
            .ToArray();

    private static (double Accuracy, double MacroF1) Metrics(int[,] confusion, int n)
    {
        int correct = 0;
        double f1Sum = 0;
        for (int k = 0; k < 3; k++)
        {
            int tp = confusion[k, k];
            int fp = 0;
            int fn = 0;
            for (int j = 0; j < 3; j++)
            {
                if (j != k)
                {
                    fp += confusion[j, k];
                    fn += confusion[k, j];
                }
            }

            correct += tp;
            double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return (correct / (double)n, f1Sum / 3);
    }
}
