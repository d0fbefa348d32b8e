using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatDailyCells",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonTimes = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_StatDailyCells", x => new { x.Day, x.RegionCode, x.OccupationId, x.SkillLevel });
                });

            migrationBuilder.CreateTable(
                name: "StatMonthlyCells",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
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
                    table.PrimaryKey("PK_StatMonthlyCells", x => new { x.Month, x.RegionCode, x.OccupationId, x.SkillLevel });
                });

            migrationBuilder.CreateTable(
                name: "StatRollupStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatRollupStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StatRollupStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // Existing rollups: the cells are their facts summed, the month cells the days' cells summed.
            migrationBuilder.Sql("""
                INSERT INTO StatDailyCells (Day, RegionCode, OccupationId, SkillLevel, CreditedSeconds, PersonTimes, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
                SELECT Day, RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
                FROM StatDailyFacts
                GROUP BY Day, RegionCode, OccupationId, SkillLevel;
                """);
            migrationBuilder.Sql("""
                INSERT INTO StatMonthlyCells (Month, RegionCode, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
                SELECT substr(Day, 1, 8) || '01', RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
                FROM StatDailyCells
                GROUP BY substr(Day, 1, 8) || '01', RegionCode, OccupationId, SkillLevel;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatDailyCells");

            migrationBuilder.DropTable(
                name: "StatMonthlyCells");

            migrationBuilder.DropTable(
                name: "StatRollupStamps");
        }
    }
}
