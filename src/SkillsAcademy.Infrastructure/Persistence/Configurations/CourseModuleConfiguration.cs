using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CourseModuleConfiguration : IEntityTypeConfiguration<CourseModule>
{
    public void Configure(EntityTypeBuilder<CourseModule> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(Course.MaxTitleLength).IsRequired();
        builder.Property(m => m.Tag).HasMaxLength(30).IsRequired();
        builder.HasIndex(m => new { m.CourseVersionId, m.Tag }).IsUnique();
        builder.OwnsOne(m => m.Quiz, QuizSettingsColumns.Configure);
        builder.HasMany(m => m.Lessons).WithOne().HasForeignKey(l => l.CourseModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
