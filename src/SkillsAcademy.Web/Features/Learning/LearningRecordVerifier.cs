using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// Checks every learner's hash chain and reports the first broken link of each. Events are read in one ordered
/// pass (learner, sequence) and only one learner's chain is held at a time, so memory stays flat at any size.
/// </summary>
public sealed class LearningRecordVerifier(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    public const string CommandLineSwitch = "--verify-learning-records";

    public async Task<ChainsReport> VerifyAllAsync(IProgress<ChainsProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var broken = new List<BrokenChain>();
        var chain = new List<LearningEvent>();
        long learners = 0, events = 0;
        await foreach (var e in db.LearningEvents.AsNoTracking().OrderBy(e => e.LearnerId).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (chain.Count > 0 && chain[0].LearnerId != e.LearnerId)
            {
                Check(chain, broken);
                learners++;
                chain.Clear();
                if (learners % 500 == 0)
                {
                    progress?.Report(new ChainsProgress(learners, events));
                }
            }

            chain.Add(e);
            events++;
        }

        if (chain.Count > 0)
        {
            Check(chain, broken);
            learners++;
        }

        progress?.Report(new ChainsProgress(learners, events));
        return new ChainsReport(learners, events, broken);
    }

    /// <summary>The command-line run: prints one line per broken chain and a summary; exit code 0 only if all verify.</summary>
    public static async Task<int> RunFromCommandLineAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await output.WriteLineAsync(localizer["Records.Verify.NotMigrated"]);
                return 2;
            }
        }

        var report = await scope.ServiceProvider.GetRequiredService<LearningRecordVerifier>().VerifyAllAsync(cancellationToken: cancellationToken);
        foreach (var chain in report.Broken)
        {
            await output.WriteLineAsync(localizer["Records.Verify.BrokenLine", chain.LearnerId, chain.Result.BrokenAtSequence!, localizer[$"Records.Break.{chain.Result.Reason}"]]);
        }

        await output.WriteLineAsync(localizer["Records.Verify.Summary", report.Learners, report.Events, report.Broken.Count]);
        return report.Broken.Count == 0 ? 0 : 1;
    }

    private static void Check(List<LearningEvent> chain, List<BrokenChain> broken)
    {
        var result = LearningEventChain.Verify(chain);
        if (!result.IsValid)
        {
            broken.Add(new BrokenChain(chain[0].LearnerId, result));
        }
    }
}

public sealed record ChainsProgress(long Learners, long Events);

public sealed record BrokenChain(Guid LearnerId, ChainVerificationResult Result);

public sealed record ChainsReport(long Learners, long Events, IReadOnlyList<BrokenChain> Broken);
