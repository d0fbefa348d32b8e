using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> builder)
    {
        builder.HasKey(p => new { p.LearnerId, p.LessonKey });
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Ignore(p => p.State);
        builder.HasIndex(p => new { p.LearnerId, p.CourseId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}
