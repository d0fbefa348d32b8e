using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class LearnerProfileConfiguration : IEntityTypeConfiguration<LearnerProfile>
{
    public void Configure(EntityTypeBuilder<LearnerProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.RealName).HasMaxLength(LearnerProfile.MaxRealNameLength).IsRequired();
        builder.Property(p => p.IdNumberProtected).HasMaxLength(512).IsRequired();
        builder.Property(p => p.IdNumberHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(p => p.IdNumberMasked).HasMaxLength(18).IsRequired();
        // One person, one profile: the same ID number cannot stand behind two accounts.
        builder.HasIndex(p => p.IdNumberHash).IsUnique();
        builder.Property(p => p.RegionCode).HasMaxLength(6).IsFixedLength().IsRequired();
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<LearnerProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RegionCode, p.EnterpriseId });
    }
}
