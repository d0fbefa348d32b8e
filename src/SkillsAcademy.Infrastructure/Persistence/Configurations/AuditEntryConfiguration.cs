using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Auditing;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.MaxSubjectLength).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.HasIndex(e => new { e.Subject, e.At });
        builder.HasIndex(e => new { e.ActorId, e.At });
    }
}
