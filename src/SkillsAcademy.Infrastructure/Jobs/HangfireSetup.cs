using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Infrastructure.Jobs;

public static class HangfireSetup
{
    public const string SqlServerSchema = "HangFire";

    /// <summary>
    /// Hangfire on SQLite in its own file (embedded default) or on SQL Server (production). The storage is a
    /// DI singleton so that two hosts in one process (tests) never share Hangfire's static storage.
    /// </summary>
    public static IServiceCollection AddSkillsAcademyHangfire(
        this IServiceCollection services, DatabaseSettings database, JobsOptions jobs)
    {
        services.AddSingleton<JobStorage>(provider =>
        {
            // Hangfire logs through a static provider, which AddHangfire sets only when its configuration is first
            // resolved; the storage may be created before that (no job server on this node), and in a process that
            // hosted an app before (tests) the static provider would still hold that app's disposed logger factory.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()));
            return CreateStorage(database, jobs);
        });
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (jobs.RunServer)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.SchedulePollingIntervalSeconds);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddTransient<HousekeepingJob>();
        return services;
    }

    /// <summary>Creates or upgrades Hangfire's tables in SQL Server (idempotent; Hangfire takes an application lock).</summary>
    public static void InstallSqlServerSchema(string connectionString)
    {
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(connectionString);
        connection.Open();
        SqlServerObjectsInstaller.Install(connection, SqlServerSchema, enableHeavyMigrations: true);
    }

    /// <summary>
    /// Hangfire's static log provider, set by the latest host. Another host in the same process (tests) may still ask it
    /// for a logger after that host stopped and disposed its logger factory: it then gets a logger that writes nothing
    /// instead of an <see cref="ObjectDisposedException"/> from inside Hangfire's constructors.
    /// </summary>
    private sealed class HostLogProvider(ILoggerFactory loggerFactory) : Hangfire.Logging.ILogProvider
    {
        private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

        public Hangfire.Logging.ILog GetLogger(string name)
        {
            try
            {
                return _inner.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return Silent.Instance;
            }
        }

        private sealed class Silent : Hangfire.Logging.ILog
        {
            public static readonly Silent Instance = new();

            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }

    private static JobStorage CreateStorage(DatabaseSettings database, JobsOptions jobs)
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            return new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = SqlServerSchema,
                // Like the application's migrations: created at start only where the node migrates, otherwise
                // by the one-shot --migrate run (see InstallSqlServerSchema), so nodes need no DDL rights.
                PrepareSchemaIfNecessary = database.MigrateOnStartup,
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                QueuePollInterval = TimeSpan.Zero,
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
            });
        }

        Directory.CreateDirectory(database.DataDirectory);
        // Jobs here are short: a lost job is picked up again after 5 minutes instead of the default 30.
        var options = new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollIntervalSeconds),
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            DistributedLockLifetime = TimeSpan.FromSeconds(30),
        };
        var storage = new SQLiteStorage(database.HangfireSqlitePath, options);
        // Several processes may share the file (nodes on one machine, a worker process): fetch a job atomically.
        storage.QueueProviders.Add(new SqliteClaimingJobQueueProvider(options), [EnqueuedState.DefaultQueue]);
        return storage;
    }
}
