using System.Text.Json.Nodes;

namespace Engagement.Metrics.Notebooks.Tests;

/// <summary>
/// A Polyglot (.NET Interactive) notebook read as plain JSON: its C# code cells in order, with the outputs saved in
/// the file. Only what the runner needs; the file format is nbformat 4.
/// </summary>
internal sealed class Notebook
{
    private readonly JsonObject _document;

    private Notebook(string path, JsonObject document)
    {
        Path = path;
        _document = document;
    }

    public string Path { get; }

    public static Notebook Load(string path) => new(path, (JsonObject)JsonNode.Parse(File.ReadAllText(path))!);

    public IReadOnlyList<JsonObject> CodeCells() =>
        _document["cells"]!.AsArray().OfType<JsonObject>()
            .Where(cell => (string?)cell["cell_type"] == "code")
            .ToList();

    public static string Source(JsonObject cell) => Lines(cell["source"]);

    /// <summary>The text the saved outputs show: stream text followed by the plain-text rendering of the result.</summary>
    public static string SavedOutput(JsonObject cell) =>
        string.Concat(cell["outputs"]!.AsArray().OfType<JsonObject>().Select(output => (string?)output["output_type"] switch
        {
            "stream" => Lines(output["text"]),
            "execute_result" or "display_data" => Lines(output["data"]?["text/plain"]),
            _ => "",
        }));

    /// <summary>Replaces a cell's outputs with what it printed and returned (used to refresh the notebooks).</summary>
    public static void SetOutputs(JsonObject cell, string printed, string? result, int executionCount)
    {
        var outputs = new JsonArray();
        if (printed.Length > 0)
        {
            outputs.Add(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = SplitLines(printed) });
        }

        if (result is not null)
        {
            outputs.Add(new JsonObject
            {
                ["data"] = new JsonObject { ["text/plain"] = SplitLines(result) },
                ["execution_count"] = executionCount,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            });
        }

        cell["outputs"] = outputs;
        cell["execution_count"] = executionCount;
    }

    public void Save() => File.WriteAllText(Path, _document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");

    private static string Lines(JsonNode? node) => node switch
    {
        JsonArray array => string.Concat(array.Select(line => (string?)line)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    private static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        foreach (string line in text.Split('\n'))
        {
            array.Add(line);
        }

        // Keep the line breaks inside each entry, as Jupyter does.
        for (int i = 0; i < array.Count - 1; i++)
        {
            array[i] = (string)array[i]! + "\n";
        }

        if ((string)array[^1]! == "")
        {
            array.RemoveAt(array.Count - 1);
        }

        return array;
    }
}
