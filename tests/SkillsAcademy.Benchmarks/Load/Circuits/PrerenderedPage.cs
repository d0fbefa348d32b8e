using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it opens the circuit: the interactive server component
/// markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, each with its protected descriptor) in document order, and
/// the protected persisted state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>).
/// </summary>
public sealed partial class PrerenderedPage
{
    private PrerenderedPage(IReadOnlyList<JsonObject> serverMarkers, string applicationState)
    {
        ServerMarkers = serverMarkers;
        ApplicationState = applicationState;
    }

    public IReadOnlyList<JsonObject> ServerMarkers { get; }

    public string ApplicationState { get; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            // End markers carry only the prerender id; a start marker names its render mode.
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker
                && marker["type"]?.GetValue<string>() == "server")
            {
                markers.Add(marker);
            }
        }

        // The page orders server components by their sequence, as blazor.web.js does.
        markers.Sort((a, b) => a["sequence"]!.GetValue<int>().CompareTo(b["sequence"]!.GetValue<int>()));
        var state = StateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first UpdateRootComponents message: every server marker added, numbered as the page numbers them.
    /// </summary>
    public string AddRootComponentsOperations(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = (JsonObject)ServerMarkers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
