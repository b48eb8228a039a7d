using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskAnalysisAndSelection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUserId",
                table: "Units",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RiskAnalysisId",
                table: "FollowUpPlans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CycleId",
                table: "CycleTasks",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "CycleTasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignalKey",
                table: "CycleTasks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                table: "CycleTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewSelections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    RiskSharePercent = table.Column<int>(type: "integer", nullable: false),
                    Candidates = table.Column<int>(type: "integer", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSelections_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreparedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PreparedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_ChoiceSystems_ChoiceSystemId",
                        column: x => x.ChoiceSystemId,
                        principalTable: "ChoiceSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskMatrices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LikelihoodLabels = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConsequenceLabels = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Bands = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMatrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMatrices_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskWeights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWeights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskWeights_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdministrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionItem_ReviewSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "ReviewSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelectionItem_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SelectionItem_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionPool",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdministrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Capacity = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: false),
                    Used = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: false),
                    Shortfall = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionPool", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionPool_ReviewSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "ReviewSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConditionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Requirement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Consequence = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mitigation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskItem_Conditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskItem_RiskAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskReassessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FromLikelihood = table.Column<int>(type: "integer", nullable: false),
                    FromConsequence = table.Column<int>(type: "integer", nullable: false),
                    FromScore = table.Column<int>(type: "integer", nullable: false),
                    ToLikelihood = table.Column<int>(type: "integer", nullable: false),
                    ToConsequence = table.Column<int>(type: "integer", nullable: false),
                    ToScore = table.Column<int>(type: "integer", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnalysisId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskReassessment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskReassessment_RiskAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Units_ResponsibleUserId",
                table: "Units",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_RiskAnalysisId",
                table: "FollowUpPlans",
                column: "RiskAnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleTasks_SignalKey",
                table: "CycleTasks",
                column: "SignalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleTasks_UnitId",
                table: "CycleTasks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSelections_CommitteeId_Year",
                table: "ReviewSelections",
                columns: new[] { "CommitteeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_ChoiceSystemId_Year",
                table: "RiskAnalyses",
                columns: new[] { "ChoiceSystemId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_CommitteeId_Year",
                table: "RiskAnalyses",
                columns: new[] { "CommitteeId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskItem_AnalysisId",
                table: "RiskItem",
                column: "AnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskItem_ConditionId",
                table: "RiskItem",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskMatrices_CommitteeId",
                table: "RiskMatrices",
                column: "CommitteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskReassessment_AnalysisId",
                table: "RiskReassessment",
                column: "AnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskWeights_CommitteeId_Kind",
                table: "RiskWeights",
                columns: new[] { "CommitteeId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionItem_ReviewId",
                table: "SelectionItem",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionItem_SelectionId",
                table: "SelectionItem",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionItem_UnitId",
                table: "SelectionItem",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionPool_SelectionId",
                table: "SelectionPool",
                column: "SelectionId");

            migrationBuilder.AddForeignKey(
                name: "FK_CycleTasks_Units_UnitId",
                table: "CycleTasks",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUpPlans_RiskAnalyses_RiskAnalysisId",
                table: "FollowUpPlans",
                column: "RiskAnalysisId",
                principalTable: "RiskAnalyses",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Units_AspNetUsers_ResponsibleUserId",
                table: "Units",
                column: "ResponsibleUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CycleTasks_Units_UnitId",
                table: "CycleTasks");

            migrationBuilder.DropForeignKey(
                name: "FK_FollowUpPlans_RiskAnalyses_RiskAnalysisId",
                table: "FollowUpPlans");

            migrationBuilder.DropForeignKey(
                name: "FK_Units_AspNetUsers_ResponsibleUserId",
                table: "Units");

            migrationBuilder.DropTable(
                name: "RiskItem");

            migrationBuilder.DropTable(
                name: "RiskMatrices");

            migrationBuilder.DropTable(
                name: "RiskReassessment");

            migrationBuilder.DropTable(
                name: "RiskWeights");

            migrationBuilder.DropTable(
                name: "SelectionItem");

            migrationBuilder.DropTable(
                name: "SelectionPool");

            migrationBuilder.DropTable(
                name: "RiskAnalyses");

            migrationBuilder.DropTable(
                name: "ReviewSelections");

            migrationBuilder.DropIndex(
                name: "IX_Units_ResponsibleUserId",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpPlans_RiskAnalysisId",
                table: "FollowUpPlans");

            migrationBuilder.DropIndex(
                name: "IX_CycleTasks_SignalKey",
                table: "CycleTasks");

            migrationBuilder.DropIndex(
                name: "IX_CycleTasks_UnitId",
                table: "CycleTasks");

            migrationBuilder.DropColumn(
                name: "ResponsibleUserId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "RiskAnalysisId",
                table: "FollowUpPlans");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "CycleTasks");

            migrationBuilder.DropColumn(
                name: "SignalKey",
                table: "CycleTasks");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "CycleTasks");

            migrationBuilder.AlterColumn<Guid>(
                name: "CycleId",
                table: "CycleTasks",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
