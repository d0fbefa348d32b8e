using System.Text;
using Microsoft.Extensions.Logging;

namespace SkillsAcademy.TestUtilities;

/// <summary>
/// Writes every log line of an app (message, exception, structured values and scopes, as <see cref="CapturedLog"/>
/// renders them) to one file, for tests that scan a whole run's logs afterwards. Dispose it after the app has stopped.
/// </summary>
public sealed class FileLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private bool _disposed;

    public FileLoggerProvider(string path)
    {
        Path = path;
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _writer.Dispose();
            }
        }
    }

    private void Write(CapturedLog entry)
    {
        lock (_gate)
        {
            // Late lines of background services after the fixture closed the file are dropped, never thrown.
            if (!_disposed)
            {
                _writer.WriteLine(entry.ToString());
            }
        }
    }

    private sealed class Logger(FileLoggerProvider provider, string category) : ILogger
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
            provider.Write(new CapturedLog(logLevel, category, formatter(state, exception), exception?.ToString(), values, scopes));
        }
    }
}
