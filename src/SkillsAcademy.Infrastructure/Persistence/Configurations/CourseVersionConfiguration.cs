using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Title).HasMaxLength(Course.MaxTitleLength).IsRequired();
        builder.Property(v => v.Summary).HasMaxLength(Course.MaxSummaryLength).IsRequired();
        builder.Property(v => v.CoverPath).HasMaxLength(260);
        builder.Property(v => v.ReviewComment).HasMaxLength(2000);
        builder.Ignore(v => v.NominalMinutes);
        builder.Ignore(v => v.IsEditable);
        // Reviews change the status with a guarded update: two reviewers acting at once cannot both succeed.
        builder.Property(v => v.Status).IsConcurrencyToken();
        builder.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
        builder.HasOne<Occupation>().WithMany().HasForeignKey(v => v.OccupationId).OnDelete(DeleteBehavior.Restrict);
        // At most one published version and one working copy (draft, submitted or returned) per course,
        // enforced by the database so that two concurrent publishes cannot both succeed.
        builder.HasIndex(v => v.CourseId, "IX_CourseVersions_OnePublished")
            .IsUnique()
            .HasFilter($"[Status] = {(int)CourseVersionStatus.Published}");
        builder.HasIndex(v => v.CourseId, "IX_CourseVersions_OneWorkingCopy")
            .IsUnique()
            .HasFilter($"[Status] IN ({(int)CourseVersionStatus.Draft}, {(int)CourseVersionStatus.Submitted}, {(int)CourseVersionStatus.Returned})");

        builder.OwnsOne(v => v.FinalExam, QuizSettingsColumns.Configure);
        builder.HasMany(v => v.Modules).WithOne().HasForeignKey(m => m.CourseVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Questions).WithOne().HasForeignKey(q => q.CourseVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Instructors).WithOne().HasForeignKey(i => i.CourseVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
