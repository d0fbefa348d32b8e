using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class SettlementEntryConfiguration : IEntityTypeConfiguration<SettlementEntry>
{
    public void Configure(EntityTypeBuilder<SettlementEntry> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProviderName).HasMaxLength(SettlementEntry.MaxProviderNameLength).IsRequired();
        builder.Property(s => s.Month).HasMaxLength(7).IsFixedLength().IsRequired();
        // One ledger line per voucher: a replayed redemption cannot bill twice.
        builder.HasIndex(s => s.VoucherId).IsUnique();
        // The report groups a month by provider.
        builder.HasIndex(s => new { s.Month, s.ProviderId });
        builder.HasIndex(s => s.BatchId);
        builder.HasOne<VoucherBatch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Voucher>().WithMany().HasForeignKey(s => s.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}
