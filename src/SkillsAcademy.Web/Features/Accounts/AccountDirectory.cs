using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Read-only views of the accounts for administrators; safe to use from an interactive circuit.</summary>
public sealed class AccountDirectory(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    /// <summary>A page of users for administrators, newest first, with roles and masked contact.</summary>
    public async Task<UserPage> ListUsersAsync(int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await context.Users.CountAsync(cancellationToken);
        var users = await context.Users
            .OrderByDescending(u => u.CreatedAt)
            .Skip(pageIndex * pageSize)
            .Take(pageSize)
            .Select(u => new UserSummary(
                u.Id,
                u.DisplayName,
                u.MobileNumberMasked ?? u.Email ?? "",
                context.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList(),
                u.LockoutEnd,
                u.CreatedAt))
            .ToListAsync(cancellationToken);
        return new UserPage(users, total);
    }
}
