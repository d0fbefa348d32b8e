using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(16).IsRequired();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Occupation.MaxNameLength).IsRequired();
        builder.Property(o => o.EnglishName).HasMaxLength(Occupation.MaxNameLength).IsRequired();
    }
}
