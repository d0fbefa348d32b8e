using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SkillsAcademy.TestUtilities;

/// <summary>Keeps every log line (message, exception and scope values) for tests that read the log.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    /// <summary>All captured text in one string, for scanning.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToList()
                : [];
            provider._entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception?.ToString(), values, scopes));
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception, IReadOnlyList<string> Values, IReadOnlyList<string> Scopes)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message} {Exception} {string.Join(" ", Values)} {string.Join(" ", Scopes)}";
}
