using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.SqlServer.Migrations
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
                    Year = table.Column<DateOnly>(type: "date", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    RegionCode = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "int", nullable: false),
                    OccupationId = table.Column<int>(type: "int", nullable: false),
                    SkillLevel = table.Column<int>(type: "int", nullable: false),
                    ActiveMonths = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatLearnerYears", x => new { x.Year, x.LearnerId, x.CourseId });
                });

            migrationBuilder.CreateTable(
                name: "StatMonthlyFacts",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionCode = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "int", nullable: false),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    OccupationId = table.Column<int>(type: "int", nullable: false),
                    SkillLevel = table.Column<int>(type: "int", nullable: false),
                    CreditedSeconds = table.Column<long>(type: "bigint", nullable: false),
                    ActivePairDays = table.Column<int>(type: "int", nullable: false),
                    NewEnrolments = table.Column<int>(type: "int", nullable: false),
                    Completions = table.Column<int>(type: "int", nullable: false),
                    Certificates = table.Column<int>(type: "int", nullable: false),
                    QuizAttempts = table.Column<int>(type: "int", nullable: false),
                    QuizPasses = table.Column<int>(type: "int", nullable: false),
                    VouchersRedeemed = table.Column<int>(type: "int", nullable: false),
                    VoucherAmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatMonthlyFacts", x => new { x.Month, x.RegionCode, x.EnterpriseId, x.CourseId });
                });

            // Existing rollups carry over: the month totals and year bit sets are derived from the daily and monthly rows.
            migrationBuilder.Sql("""
                INSERT INTO StatMonthlyFacts (Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays,
                    NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
                SELECT DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, EnterpriseId, CourseId, MAX(OccupationId), MAX(SkillLevel), SUM(CreditedSeconds), SUM(PersonTimes),
                    SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
                FROM StatDailyFacts
                GROUP BY DATEFROMPARTS(YEAR(Day), MONTH(Day), 1), RegionCode, EnterpriseId, CourseId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO StatLearnerYears (Year, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, ActiveMonths)
                SELECT DATEFROMPARTS(YEAR(Month), 1, 1), LearnerId, CourseId, MAX(RegionCode), MAX(EnterpriseId), MAX(OccupationId), MAX(SkillLevel), SUM(DISTINCT POWER(2, MONTH(Month) - 1))
                FROM StatLearnerMonths
                GROUP BY DATEFROMPARTS(YEAR(Month), 1, 1), LearnerId, CourseId;
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
