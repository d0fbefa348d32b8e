using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(Enterprise.MaxNameLength).IsRequired();
        builder.HasIndex(e => e.Name).IsUnique();
        builder.Property(e => e.RegionCode).HasMaxLength(6).IsFixedLength();
    }
}
