using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class VoucherBatchConfiguration : IEntityTypeConfiguration<VoucherBatch>
{
    public void Configure(EntityTypeBuilder<VoucherBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(VoucherBatch.MaxNameLength).IsRequired();
        builder.Property(b => b.FundingSource).HasMaxLength(VoucherBatch.MaxFundingSourceLength).IsRequired();
        builder.Property(b => b.ClaimCode).HasMaxLength(VoucherCode.ClaimCodeLength);
        // Eligibility lists are small and read with the batch: primitive collections (JSON) instead of link tables.
        builder.PrimitiveCollection(b => b.EligibleCourseIds);
        builder.PrimitiveCollection(b => b.EligibleOccupationIds);
        builder.PrimitiveCollection(b => b.EligibleLevels);
        builder.PrimitiveCollection(b => b.EligibleRegionPrefixes);
        builder.Ignore(b => b.IsReady);
        builder.Ignore(b => b.Terms);
        // A learner typing a claim code finds one batch.
        builder.HasIndex(b => b.ClaimCode).IsUnique().HasFilter("[ClaimCode] IS NOT NULL");
        builder.HasIndex(b => b.ValidUntil);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
