using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.MaxDisplayNameLength).IsRequired();
        builder.Property(u => u.MobileLookupHash).HasMaxLength(64);
        builder.Property(u => u.MobileNumberProtected).HasMaxLength(512);
        builder.Property(u => u.MobileNumberMasked).HasMaxLength(16);
        // One account per mobile number; unique in the database, not only in the UI.
        builder.HasIndex(u => u.MobileLookupHash).IsUnique().HasFilter("[MobileLookupHash] IS NOT NULL");
    }
}
