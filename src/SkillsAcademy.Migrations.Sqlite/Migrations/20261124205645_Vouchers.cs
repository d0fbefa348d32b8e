using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Vouchers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "VoucherRequired",
                table: "CourseVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VoucherRequired",
                table: "Courses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "VoucherBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FaceValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleCourseIds = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleOccupationIds = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleLevels = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleRegionPrefixes = table.Column<string>(type: "TEXT", nullable: false),
                    UnionMembersOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherBatches_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRefusal = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    RedeemedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vouchers_AspNetUsers_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vouchers_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vouchers_VoucherBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "VoucherBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RedemptionRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoucherId = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Refusal = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedemptionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedemptionRequests_AspNetUsers_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedemptionRequests_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedemptionRequests_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoucherId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Month = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 7, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementEntries_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementEntries_VoucherBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "VoucherBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementEntries_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoucherAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoucherId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherAuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherAuditEntries_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoucherAuditEntries_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionRequests_CourseId",
                table: "RedemptionRequests",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionRequests_IdempotencyKey",
                table: "RedemptionRequests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionRequests_LearnerId",
                table: "RedemptionRequests",
                column: "LearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionRequests_OnePending",
                table: "RedemptionRequests",
                column: "VoucherId",
                unique: true,
                filter: "[Status] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionRequests_Status_Id",
                table: "RedemptionRequests",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_BatchId",
                table: "SettlementEntries",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_CourseId",
                table: "SettlementEntries",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_Month_ProviderId",
                table: "SettlementEntries",
                columns: new[] { "Month", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementEntries_VoucherId",
                table: "SettlementEntries",
                column: "VoucherId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherAuditEntries_ActorId",
                table: "VoucherAuditEntries",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherAuditEntries_VoucherId",
                table: "VoucherAuditEntries",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherBatches_ClaimCode",
                table: "VoucherBatches",
                column: "ClaimCode",
                unique: true,
                filter: "[ClaimCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherBatches_CreatedBy",
                table: "VoucherBatches",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherBatches_ValidUntil",
                table: "VoucherBatches",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_BatchId_LearnerId",
                table: "Vouchers",
                columns: new[] { "BatchId", "LearnerId" },
                unique: true,
                filter: "[LearnerId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_BatchId_Status",
                table: "Vouchers",
                columns: new[] { "BatchId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Code",
                table: "Vouchers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_EnrolmentId",
                table: "Vouchers",
                column: "EnrolmentId",
                unique: true,
                filter: "[EnrolmentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_LearnerId_Status",
                table: "Vouchers",
                columns: new[] { "LearnerId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RedemptionRequests");

            migrationBuilder.DropTable(
                name: "SettlementEntries");

            migrationBuilder.DropTable(
                name: "VoucherAuditEntries");

            migrationBuilder.DropTable(
                name: "Vouchers");

            migrationBuilder.DropTable(
                name: "VoucherBatches");

            migrationBuilder.DropColumn(
                name: "VoucherRequired",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "VoucherRequired",
                table: "Courses");
        }
    }
}
