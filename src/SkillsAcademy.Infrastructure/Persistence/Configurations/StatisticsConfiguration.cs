using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Statistics;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class DailyFactConfiguration : IEntityTypeConfiguration<DailyFact>
{
    public void Configure(EntityTypeBuilder<DailyFact> builder)
    {
        builder.ToTable("StatDailyFacts");

        // The day leads the key: a rollup replaces whole day partitions, and every question is a day range.
        builder.HasKey(f => new { f.Day, f.RegionCode, f.EnterpriseId, f.CourseId });
        builder.Property(f => f.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class LearnerMonthConfiguration : IEntityTypeConfiguration<LearnerMonth>
{
    public void Configure(EntityTypeBuilder<LearnerMonth> builder)
    {
        builder.ToTable("StatLearnerMonths");
        builder.HasKey(m => new { m.Month, m.LearnerId, m.CourseId });
        builder.Property(m => m.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class MonthlyFactConfiguration : IEntityTypeConfiguration<MonthlyFact>
{
    public void Configure(EntityTypeBuilder<MonthlyFact> builder)
    {
        builder.ToTable("StatMonthlyFacts");
        builder.HasKey(f => new { f.Month, f.RegionCode, f.EnterpriseId, f.CourseId });
        builder.Property(f => f.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class LearnerYearConfiguration : IEntityTypeConfiguration<LearnerYear>
{
    public void Configure(EntityTypeBuilder<LearnerYear> builder)
    {
        builder.ToTable("StatLearnerYears");
        builder.HasKey(y => new { y.Year, y.LearnerId, y.CourseId });
        builder.Property(y => y.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class DailyCellConfiguration : IEntityTypeConfiguration<DailyCell>
{
    public void Configure(EntityTypeBuilder<DailyCell> builder)
    {
        builder.ToTable("StatDailyCells");
        builder.HasKey(c => new { c.Day, c.RegionCode, c.OccupationId, c.SkillLevel });
        builder.Property(c => c.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class MonthlyCellConfiguration : IEntityTypeConfiguration<MonthlyCell>
{
    public void Configure(EntityTypeBuilder<MonthlyCell> builder)
    {
        builder.ToTable("StatMonthlyCells");
        builder.HasKey(c => new { c.Month, c.RegionCode, c.OccupationId, c.SkillLevel });
        builder.Property(c => c.RegionCode).HasMaxLength(6).IsUnicode(false);
    }
}

internal sealed class RollupStampConfiguration : IEntityTypeConfiguration<RollupStamp>
{
    public void Configure(EntityTypeBuilder<RollupStamp> builder)
    {
        builder.ToTable("StatRollupStamps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new RollupStamp { Id = RollupStamp.SingleId, Version = 0 });
    }
}

internal sealed class RollupRunConfiguration : IEntityTypeConfiguration<RollupRun>
{
    public void Configure(EntityTypeBuilder<RollupRun> builder)
    {
        builder.ToTable("StatRollupRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Ignore(r => r.PercentDone);
        builder.HasIndex(r => new { r.Trigger, r.CreatedAt });
        builder.HasIndex(r => r.Status);
    }
}

internal sealed class StatisticsExportConfiguration : IEntityTypeConfiguration<StatisticsExport>
{
    public void Configure(EntityTypeBuilder<StatisticsExport> builder)
    {
        builder.ToTable("StatExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FilterJson).HasMaxLength(1000).IsRequired();
        builder.Ignore(e => e.Percent);
        builder.HasIndex(e => new { e.RequestedBy, e.CreatedAt });
    }
}
