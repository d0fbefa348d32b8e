using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(Course.MaxCodeLength).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.ListingTitle).HasMaxLength(Course.MaxTitleLength).IsRequired();
        builder.Property(c => c.ListingSummary).HasMaxLength(Course.MaxSummaryLength).IsRequired();
        builder.HasOne(c => c.Occupation).WithMany().HasForeignKey(c => c.OccupationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsListed);
        builder.Ignore(c => c.WorkingCopy);

        // The catalog filters by these and sorts by newest and by enrolments.
        builder.HasIndex(c => new { c.OccupationId, c.SkillLevel });
        builder.HasIndex(c => c.SkillLevel);
        builder.HasIndex(c => c.PublishedAt);
        builder.HasIndex(c => c.EnrolmentCount);
        builder.HasIndex(c => c.OwnerId);
    }
}
