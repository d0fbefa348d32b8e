using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// The learner's hash-chained record (学习记录). Events are appended in the same unit of work as the change they
/// record, never updated or deleted; the verifier finds the first broken link.
/// </summary>
public sealed class LearningRecords(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    /// <summary>Adds the learner's next event to <paramref name="db"/>; it is written by the caller's SaveChanges.</summary>
    public static async Task<LearningEvent> AppendAsync(SkillsAcademyDbContext db, NewLearningEvent next, CancellationToken cancellationToken)
    {
        var saved = await db.LearningEvents.AsNoTracking()
            .Where(e => e.LearnerId == next.LearnerId)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<LearningEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.LearnerId == next.LearnerId)
            .Select(e => e.Entity)
            .MaxBy(e => e.Sequence);
        var previous = pending is not null && (saved is null || pending.Sequence > saved.Sequence) ? pending : saved;
        var appended = LearningEventChain.Append(previous, next);
        db.LearningEvents.Add(appended);
        return appended;
    }

    public async Task<IReadOnlyList<LearningEvent>> ListAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.LearningEvents.AsNoTracking()
            .Where(e => e.LearnerId == learnerId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
    }

    public async Task<ChainVerificationResult> VerifyAsync(Guid learnerId, CancellationToken cancellationToken = default) =>
        LearningEventChain.Verify(await ListAsync(learnerId, cancellationToken));
}
