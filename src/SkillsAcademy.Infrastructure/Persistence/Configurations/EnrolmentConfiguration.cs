using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.LearnerId, e.CourseId }).IsUnique();
        builder.HasIndex(e => e.CourseId);

        // The statistics rollup reads one day's enrolments and completions at a time.
        builder.HasIndex(e => e.EnrolledAt);
        builder.HasIndex(e => e.CompletedAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(e => e.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
