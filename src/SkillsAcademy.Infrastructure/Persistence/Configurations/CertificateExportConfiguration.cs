using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CertificateExportConfiguration : IEntityTypeConfiguration<CertificateExport>
{
    public void Configure(EntityTypeBuilder<CertificateExport> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.BaseUrl).HasMaxLength(200).IsRequired();
        builder.Ignore(e => e.Percent);
        builder.HasIndex(e => new { e.RequestedBy, e.CreatedAt });
    }
}
