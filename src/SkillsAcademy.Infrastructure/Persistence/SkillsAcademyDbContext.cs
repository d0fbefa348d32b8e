using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Auditing;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence;

public sealed class SkillsAcademyDbContext(DbContextOptions<SkillsAcademyDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Occupation> Occupations => Set<Occupation>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<LearnerProfile> LearnerProfiles => Set<LearnerProfile>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();

    public DbSet<StudySession> StudySessions => Set<StudySession>();

    /// <summary>Append-only: rows are inserted through LearningRecords and never updated or deleted.</summary>
    public DbSet<LearningEvent> LearningEvents => Set<LearningEvent>();

    public DbSet<VoucherBatch> VoucherBatches => Set<VoucherBatch>();

    public DbSet<Voucher> Vouchers => Set<Voucher>();

    public DbSet<RedemptionRequest> RedemptionRequests => Set<RedemptionRequest>();

    /// <summary>Insert-only settlement ledger: one row per redeemed voucher.</summary>
    public DbSet<SettlementEntry> SettlementEntries => Set<SettlementEntry>();

    public DbSet<VoucherAuditEntry> VoucherAuditEntries => Set<VoucherAuditEntry>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateExport> CertificateExports => Set<CertificateExport>();

    public DbSet<AttemptItem> AttemptItems => Set<AttemptItem>();

    /// <summary>Append-only, like the learning records.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Statistics rollups: whole day partitions, rebuilt by the rollup job from the records above.</summary>
    public DbSet<DailyFact> DailyFacts => Set<DailyFact>();

    public DbSet<LearnerMonth> LearnerMonths => Set<LearnerMonth>();

    /// <summary>Month totals of <see cref="DailyFacts"/> and year bit sets of <see cref="LearnerMonths"/>, kept by the same runs.</summary>
    public DbSet<MonthlyFact> MonthlyFacts => Set<MonthlyFact>();

    public DbSet<LearnerYear> LearnerYears => Set<LearnerYear>();

    public DbSet<DailyCell> DailyCells => Set<DailyCell>();

    public DbSet<MonthlyCell> MonthlyCells => Set<MonthlyCell>();

    public DbSet<RollupStamp> RollupStamps => Set<RollupStamp>();

    public DbSet<RollupRun> RollupRuns => Set<RollupRun>();

    public DbSet<StatisticsExport> StatisticsExports => Set<StatisticsExport>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToAppendOnlyRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToAppendOnlyRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Learning records and audit entries are evidence: once written, no code path may change or remove them.
    private void RefuseChangesToAppendOnlyRows()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry is { State: EntityState.Modified or EntityState.Deleted, Entity: LearningEvent or AuditEntry })
            {
                throw new AppendOnlyViolationException(entry.Entity.GetType().Name, entry.State);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SkillsAcademyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type; binary ticks keep instants sortable and comparable in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
