using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6).IsFixedLength();
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();
        builder.Ignore(r => r.Level);
        builder.Ignore(r => r.ParentCode);
    }
}
