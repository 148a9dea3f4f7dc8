using System.Text.Json.Nodes;

namespace Engagement.Metrics.Cli.Output;

/// <summary>
/// What a command produces, independent of format: the whole JSON <see cref="Document"/> (for <c>--format json</c>)
/// and its <see cref="Rows"/> (one object per group, or per input row) for tables, CSV and JSON Lines.
/// Property names are camelCase; nested objects flatten to <c>parent.child</c> columns.
/// </summary>
internal sealed record OutputDocument(string Title, JsonObject Document, IReadOnlyList<JsonObject> Rows);
