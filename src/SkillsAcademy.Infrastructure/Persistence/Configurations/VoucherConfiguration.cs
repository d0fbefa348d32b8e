using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Code).HasMaxLength(VoucherCode.Length).IsFixedLength().IsRequired();
        builder.HasIndex(v => v.Code).IsUnique();
        // Status changes are guarded updates (WHERE Status = expected); the token also guards tracked changes.
        builder.Property(v => v.Status).IsConcurrencyToken();
        builder.HasIndex(v => new { v.BatchId, v.Status });
        builder.HasIndex(v => new { v.LearnerId, v.Status });
        // One voucher per learner and batch, whether imported or claimed: a second claim cannot slip in.
        builder.HasIndex(v => new { v.BatchId, v.LearnerId }).IsUnique().HasFilter("[LearnerId] IS NOT NULL");
        // A voucher pays for at most one enrolment, and an enrolment is paid by at most one voucher.
        builder.HasIndex(v => v.EnrolmentId).IsUnique().HasFilter("[EnrolmentId] IS NOT NULL");
        builder.HasIndex(v => v.RedeemedAt);
        builder.HasOne<VoucherBatch>().WithMany().HasForeignKey(v => v.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(v => v.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
