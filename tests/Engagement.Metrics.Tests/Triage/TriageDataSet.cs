using System.Globalization;
using System.Text;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.Tests.Triage;

/// <summary>Reads the labelled triage sets (Data/README.md) and computes accuracy, per-class precision/recall and macro-F1.</summary>
internal static class TriageDataSet
{
    public static List<(string Text, MessageClass Label, string Language)> Read(string file)
    {
        var rows = new List<(string, MessageClass, string)>();
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "Data", file + ".csv"));
        for (int i = 1; i < lines.Length; i++)
        {
            List<string> fields = SplitCsv(lines[i]);
            Assert.True(fields.Count == 3, $"{file}.csv line {i + 1}: expected 3 fields, got {fields.Count}");
            MessageClass label = fields[1] switch
            {
                "interactive" => MessageClass.Interactive,
                "informational" => MessageClass.Informational,
                "automated" => MessageClass.Automated,
                _ => throw new InvalidDataException($"{file}.csv line {i + 1}: label '{fields[1]}'"),
            };
            rows.Add((fields[0], label, fields[2]));
        }

        return rows;
    }

    public static Evaluation Evaluate(IEnumerable<(string Text, MessageClass Label, string Language)> rows)
    {
        var list = rows.ToList();
        string?[] texts = list.Select(r => (string?)r.Text).ToArray();
        var predicted = new MessageClassification[texts.Length];
        MessageClassifier.ClassifyBatch(texts, predicted);
        var confusion = new int[4, 4];
        for (int i = 0; i < list.Count; i++)
        {
            confusion[(int)list[i].Label, (int)predicted[i].Class]++;
        }

        return new Evaluation(confusion, list.Count, list.Select((r, i) => (r.Text, r.Label, predicted[i])).Where(x => x.Label != x.Item3.Class).ToList());
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    internal sealed record Evaluation(int[,] Confusion, int Count, List<(string Text, MessageClass Label, MessageClassification Predicted)> Errors)
    {
        public double Accuracy => (Confusion[1, 1] + Confusion[2, 2] + Confusion[3, 3]) / (double)Count;

        public double Precision(MessageClass c)
        {
            int k = (int)c;
            int predicted = Confusion[1, k] + Confusion[2, k] + Confusion[3, k];
            return predicted == 0 ? 0 : Confusion[k, k] / (double)predicted;
        }

        public double Recall(MessageClass c)
        {
            int k = (int)c;
            int actual = Confusion[k, 1] + Confusion[k, 2] + Confusion[k, 3];
            return actual == 0 ? 0 : Confusion[k, k] / (double)actual;
        }

        public double F1(MessageClass c)
        {
            double p = Precision(c), r = Recall(c);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double MacroF1 => (F1(MessageClass.Interactive) + F1(MessageClass.Informational) + F1(MessageClass.Automated)) / 3;

        public string Describe(string name)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{name}: n={Count} accuracy={Accuracy:0.000} macroF1={MacroF1:0.000}");
            foreach (MessageClass c in new[] { MessageClass.Interactive, MessageClass.Informational, MessageClass.Automated })
            {
                text.Append(CultureInfo.InvariantCulture, $" | {c}: P={Precision(c):0.000} R={Recall(c):0.000}");
            }

            text.AppendLine();
            foreach ((string t, MessageClass label, MessageClassification p) in Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   {label} -> {p}  :: {t}");
            }

            return text.ToString();
        }
    }
}
