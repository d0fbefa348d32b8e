using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Title).HasMaxLength(Course.MaxTitleLength).IsRequired();
        builder.Property(l => l.VideoUrl).HasMaxLength(500);
        builder.Property(l => l.MediaPath).HasMaxLength(260);
        builder.HasIndex(l => new { l.CourseModuleId, l.Position });
        builder.HasIndex(l => l.Key);
    }
}
