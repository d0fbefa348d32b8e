using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class RedemptionRequestConfiguration : IEntityTypeConfiguration<RedemptionRequest>
{
    public void Configure(EntityTypeBuilder<RedemptionRequest> builder)
    {
        builder.HasKey(r => r.Id);
        // A double tap or a reconnect sends the same key: one request.
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.Status).IsConcurrencyToken();
        // At most one undecided request per voucher, whatever the races between learners' devices.
        builder.HasIndex(r => r.VoucherId, "IX_RedemptionRequests_OnePending")
            .IsUnique()
            .HasFilter($"[Status] = {(int)RedemptionRequestStatus.Pending}");
        // The job reads pending requests oldest first.
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasIndex(r => r.LearnerId);
        builder.HasOne<Voucher>().WithMany().HasForeignKey(r => r.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.LearnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}
