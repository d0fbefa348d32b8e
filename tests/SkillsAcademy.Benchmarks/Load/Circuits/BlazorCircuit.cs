using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>What the circuit's page does every report interval.</summary>
public enum CircuitPage
{
    /// <summary>The lesson page: its JS module calls the page's [JSInvokable] Report.</summary>
    Lesson,

    /// <summary>The template's Counter page: a click on "Click me".</summary>
    Counter,
}

/// <summary>
/// One real Blazor Server circuit opened the way blazor.web.js opens it, without a browser: GET the page with the
/// user's cookie, read the prerendered server component markers and persisted state, connect to <c>/_blazor</c> with
/// the blazorpack protocol, StartCircuit, UpdateRootComponents; then acknowledge every render batch
/// (OnRenderCompleted) and answer every JS interop call (EndInvokeJSFromDotNet): "import" and the lesson module's
/// "start" return JS object references, everything else returns null. <see cref="ActAsync"/> is what the page's
/// timer does: the lesson page's Report, or a click on the Counter's button, each a BeginInvokeDotNetFromJS answered
/// by JS.EndInvokeDotNet.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private const int ObjectReferenceResult = 1;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly CircuitPage _page;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _pendingCalls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection _connection = default!;
    private long _nextJsObjectId;
    private long _nextCallId;
    private long _reportTargetId = -1;
    private long _rendererInteropId = -1;
    private ulong _clickHandlerId;
    private volatile bool _closing;
    private string? _circuitId;
    private Uri _baseUri = default!;

    private BlazorCircuit(CircuitPage page) => _page = page;

    /// <summary>Set when the connection closed or the server reported an error while the circuit should be open.</summary>
    public string? DropReason { get; private set; }

    public bool IsDropped => DropReason is not null;

    public int RenderBatches => _renderBatches;

    private int _renderBatches;

    /// <summary>Opens a circuit on <paramref name="pageUri"/> and waits until the page's interactive part is running.</summary>
    public static async Task<BlazorCircuit> OpenAsync(
        HttpClient http, Uri pageUri, string cookieHeader, CircuitPage page, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pageUri);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUri.PathAndQuery} answered {(int)response.StatusCode}.");
        }

        var prerendered = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (prerendered.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUri.PathAndQuery} has no interactive server components.");
        }

        var circuit = new BlazorCircuit(page);
        try
        {
            await circuit.StartAsync(pageUri, cookieHeader, prerendered, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(Uri pageUri, string cookieHeader, PrerenderedPage prerendered, CancellationToken cancellationToken)
    {
        var baseUri = _baseUri = new Uri(pageUri, "/");
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), options =>
            {
                if (cookieHeader.Length > 0)
                {
                    options.Headers["Cookie"] = cookieHeader;
                }

                // Straight to the WebSocket: the negotiate round-trip a browser makes holds nothing on the server.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        _connection = builder.Build();
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        _connection.On<string, bool, string?>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _connection.On<string>("JS.Error", error => Drop($"server error: {error}"));
        _connection.Closed += error =>
        {
            if (!_closing)
            {
                Drop($"connection closed: {error?.Message ?? "by the server"}");
            }

            return Task.CompletedTask;
        };

        await _connection.StartAsync(cancellationToken);
        var circuitId = _circuitId = await _connection.InvokeAsync<string?>(
            "StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", prerendered.ApplicationState, cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        await _connection.SendAsync("UpdateRootComponents", prerendered.AddRootComponentsOperations(1), prerendered.ApplicationState, cancellationToken);
        await _ready.Task.WaitAsync(ReadyTimeout, cancellationToken);
    }

    /// <summary>One tick of the page's timer; returns the time from sending to the server's answer.</summary>
    public async Task<TimeSpan> ActAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingCalls[callId] = done;
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (_page == CircuitPage.Lesson)
            {
                // LessonPage.razor.js: dotNet.invokeMethodAsync('Report', position()) — no video, so null.
                await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "Report", _reportTargetId, "[null]", cancellationToken);
            }
            else
            {
                var click = JsonSerializer.Serialize(new object[]
                {
                    new { eventHandlerId = _clickHandlerId, eventName = "click", eventFieldInfo = (object?)null },
                    new { type = "click", detail = 1, button = 0, buttons = 0 },
                });
                await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _rendererInteropId, click, cancellationToken);
            }

            var succeeded = await done.Task.WaitAsync(timeout, cancellationToken);
            if (!succeeded)
            {
                throw new InvalidOperationException("The server answered the call with an error.");
            }

            return Stopwatch.GetElapsedTime(started);
        }
        finally
        {
            _pendingCalls.TryRemove(callId, out _);
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref _renderBatches);
        if (_page == CircuitPage.Counter && _clickHandlerId == 0)
        {
            var handlers = RenderBatchReader.EventHandlerIds(batch, "onclick");
            if (handlers.Count > 0)
            {
                _clickHandlerId = handlers[0];
                MarkReadyIfRunning();
            }
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, null);
    }

    private async Task OnBeginInvokeJSAsync(long taskId, string identifier, string? argsJson, int resultType)
    {
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // (rendererId, interop methods object, ...): events are dispatched through that object.
                _rendererInteropId = DotNetObjectId(argsJson, 1);
                MarkReadyIfRunning();
                break;
            case "start" when _page == CircuitPage.Lesson:
                // LessonPage.razor.js start(dotNet, intervalMs, videoId): Report is called on that object.
                _reportTargetId = DotNetObjectId(argsJson, 0);
                MarkReadyIfRunning();
                break;
        }

        if (taskId == 0)
        {
            return;
        }

        var result = resultType == ObjectReferenceResult
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"__jsObjectId":{{Interlocked.Increment(ref _nextJsObjectId)}}}""")
            : "null";
        await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true,
            string.Create(CultureInfo.InvariantCulture, $"[{taskId},true,{result}]"));
    }

    private void OnEndInvokeDotNet(string callId, bool success, string? result)
    {
        if (_pendingCalls.TryGetValue(callId, out var call))
        {
            call.TrySetResult(success);
        }
    }

    private void MarkReadyIfRunning()
    {
        var ready = _page == CircuitPage.Lesson
            ? _reportTargetId >= 0
            : _rendererInteropId >= 0 && _clickHandlerId != 0;
        if (ready)
        {
            _ready.TrySetResult();
        }
    }

    private void Drop(string reason)
    {
        DropReason ??= reason;
        _ready.TrySetException(new InvalidOperationException(reason));
        foreach (var call in _pendingCalls.Values)
        {
            call.TrySetException(new InvalidOperationException(reason));
        }
    }

    private static long DotNetObjectId(string? argsJson, int index)
    {
        using var args = JsonDocument.Parse(argsJson ?? "[]");
        return args.RootElement[index].GetProperty("__dotNetObject").GetInt64();
    }

    /// <summary>
    /// Leaves the page as a browser tab does when it closes: the disconnect beacon (so the server disposes the
    /// circuit at once instead of keeping it for a reconnect), then the connection.
    /// </summary>
    public async Task CloseAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        _closing = true;
        if (_circuitId is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(_circuitId), "circuitId" } };
            using var response = await http.PostAsync(new Uri(_baseUri, "_blazor/disconnect"), form, cancellationToken);
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
