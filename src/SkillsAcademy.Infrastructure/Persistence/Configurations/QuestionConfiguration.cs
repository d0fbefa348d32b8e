using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Tag).HasMaxLength(30).IsRequired();
        builder.Property(q => q.Stem).HasMaxLength(500).IsRequired();
        builder.Property(q => q.Explanation).HasMaxLength(1000).IsRequired();
        builder.HasIndex(q => new { q.CourseVersionId, q.Tag });
        builder.HasIndex(q => q.Key);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
