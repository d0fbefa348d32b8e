using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class VoucherAuditEntryConfiguration : IEntityTypeConfiguration<VoucherAuditEntry>
{
    public void Configure(EntityTypeBuilder<VoucherAuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reason).HasMaxLength(VoucherAuditEntry.MaxReasonLength).IsRequired();
        builder.HasIndex(a => a.VoucherId);
        builder.HasOne<Voucher>().WithMany().HasForeignKey(a => a.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
