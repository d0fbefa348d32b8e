using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsMonthlyCube : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatLearnerYears",
                columns: table => new
                {
                    Year = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveMonths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatLearnerYears", x => new { x.Year, x.LearnerId, x.CourseId });
                });

            migrationBuilder.CreateTable(
                name: "StatMonthlyFacts",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivePairDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NewEnrolments = table.Column<int>(type: "INTEGER", nullable: false),
                    Completions = table.Column<int>(type: "INTEGER", nullable: false),
                    Certificates = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizPasses = table.Column<int>(type: "INTEGER", nullable: false),
                    VouchersRedeemed = table.Column<int>(type: "INTEGER", nullable: false),
                    VoucherAmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatMonthlyFacts", x => new { x.Month, x.RegionCode, x.EnterpriseId, x.CourseId });
                });

            // Existing rollups carry over: the month totals and year bit sets are derived from the daily and monthly rows.
            migrationBuilder.Sql("""
                INSERT INTO StatMonthlyFacts (Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays,
                    NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
                SELECT substr(Day, 1, 8) || '01', RegionCode, EnterpriseId, CourseId, MAX(OccupationId), MAX(SkillLevel), SUM(CreditedSeconds), SUM(PersonTimes),
                    SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
                FROM StatDailyFacts
                GROUP BY substr(Day, 1, 8), RegionCode, EnterpriseId, CourseId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO StatLearnerYears (Year, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, ActiveMonths)
                SELECT substr(Month, 1, 5) || '01-01', LearnerId, CourseId, MAX(RegionCode), MAX(EnterpriseId), MAX(OccupationId), MAX(SkillLevel), SUM(DISTINCT 1 << (CAST(substr(Month, 6, 2) AS INTEGER) - 1))
                FROM StatLearnerMonths
                GROUP BY substr(Month, 1, 5), LearnerId, CourseId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatLearnerYears");

            migrationBuilder.DropTable(
                name: "StatMonthlyFacts");
        }
    }
}
