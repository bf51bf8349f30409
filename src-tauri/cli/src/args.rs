//! Command-line arguments (clap). Flags map one-to-one onto the core's field keys, so the CLI
//! normalises values exactly as the app and the importer do.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "mulu", version, about = "目录 Mulu：政务数据资源目录编制工具 / government data resource catalogs")]
pub struct Cli {
    /// 工作区文件（默认：用户数据目录中的 workspace.mulu）/ workspace file
    #[arg(long, short = 'w', global = true, env = "MULU_WORKSPACE")]
    pub workspace: Option<PathBuf>,
    /// 输出语言 / output language: zh (default) or en
    #[arg(long, global = true, env = "MULU_LANG", default_value = "zh")]
    pub lang: String,
    /// 以 JSON 输出（每个命令；出错时 stderr 末行为 JSON）/ answer in JSON (every command; on failure the last stderr line is JSON)
    #[arg(long, global = true)]
    pub json: bool,
    /// 以此日期为“今天”计算期限（默认：系统日期）/ count deadlines as on this day (default: the clock)
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<chrono::NaiveDate>,
    /// 经办人：记入此后每一次修改，并保存为本工作区的默认经办人 / the operator: recorded with every change from now on, and kept as the workspace's default
    #[arg(long, global = true, env = "MULU_OPERATOR")]
    pub operator: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run and never moved around: the size of its largest variant costs nothing,
// and boxing it would only add noise to every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// 新建工作区并填写机构信息 / create a workspace with the agency profile
    Init(AgencyArgs),
    /// 机构信息 / the agency profile
    #[command(subcommand)]
    Agency(AgencyCommand),
    /// 信息系统 / information systems
    #[command(subcommand)]
    System(SystemCommand),
    /// 信息资源 / resources
    #[command(subcommand)]
    Resource(ResourceCommand),
    /// 显示目录 / show the catalog
    Show {
        /// 资源目录 / 共享目录 / 开放目录
        #[arg(long, value_enum, default_value = "resource")]
        view: ViewArg,
    },
    /// 搜索资源（代码、名称、摘要、信息项）/ search resources
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// 校验目录 / validate the catalog (exit 1 when errors remain)
    Validate {
        /// 只说明一条规则：标题、级别、依据、提示 / explain one rule instead: title, severity, article, message
        #[arg(long, value_name = "规则编号")]
        explain: Option<String>,
    },
    /// 列出全部校验规则（编号、级别、标题、依据），供审核规则集 / list the validation rules for review
    Rules,
    /// 定级 / grading
    #[command(subcommand)]
    Grade(GradeCommand),
    /// 从电子表格导入目录（.xlsx .xlsm .xls .ods）/ import a catalog spreadsheet
    Import {
        file: PathBuf,
        /// 只读取这个工作表 / read only this sheet
        #[arg(long)]
        sheet: Option<String>,
        /// 只显示将新增、修改、不变的资源，不写入 / show what would change, write nothing
        #[arg(long)]
        dry_run: bool,
        /// 指定列对应的字段：列名或列字母=字段（字段为空则忽略该列，note 则存入备注），可重复 /
        /// map a column: HEADER=FIELD (empty: ignore it; note: keep it in the notes)
        #[arg(long = "map", value_name = "列=字段")]
        map: Vec<String>,
        /// 表头所在行（从 1 起）/ the 1-based header row
        #[arg(long)]
        header_row: Option<u32>,
        /// 读取保存的表头映射（JSON）/ read a saved header mapping
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// 保存本次使用的表头映射，供下次使用 / save the mapping used, for next time
        #[arg(long)]
        save_mapping: Option<PathBuf>,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
    /// 梳理数据文件，每个工作表或 CSV 提议为一个资源 / scan data files and propose resources
    Scan {
        /// 文件或文件夹（递归）/ files or folders (recursive)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// 把全部提议加入目录 / add every proposal to the catalog
        #[arg(long)]
        accept: bool,
    },
    /// 导出 / export
    #[command(subcommand)]
    Export(ExportCommand),
    /// 撤销最近一次修改 / undo the last change
    Undo,
    /// 修改记录 / the change log
    History {
        /// 资源代码、名称或 #编号 / resource code, name or #id
        resource: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// 签名密钥 / signing keys
    #[command(subcommand)]
    Key(crate::package_cmds::KeyCommand),
    /// 信任的签名公钥 / trusted signing keys
    #[command(subcommand)]
    Trust(crate::package_cmds::TrustCommand),
    /// 保密审查 / secrecy review
    #[command(subcommand)]
    Secrecy(crate::package_cmds::SecrecyCommand),
    /// 工作日历：法定节假日与调休上班日 / working-day calendars (holidays, make-up working days)
    #[command(subcommand)]
    Calendar(crate::deadline_cmds::CalendarCommand),
    /// 变更事件：法律法规、职能或数据变化后须在期限内更新 / change events that oblige an update
    #[command(subcommand)]
    Event(crate::deadline_cmds::EventCommand),
    /// 校核请求：数据使用方反馈的疑义或错误，5 个工作日内答复 / correction requests from data users,
    /// answered within 5 working days
    #[command(subcommand)]
    Correction(crate::deadline_cmds::CorrectionCommand),
    /// 到期事项：未办结的变更事件和校核请求，按期限排序（有逾期时退出码为 1）/ what is due: open
    /// events and correction requests, soonest first (exit 1 when any is overdue)
    Due,
    /// 生成签名报送包 / make the signed package for the bureau
    Package {
        /// 私钥文件（mulu key new 生成）/ the key file
        #[arg(long)]
        key: PathBuf,
        /// 报送包 .zip / the package to write
        #[arg(long)]
        out: PathBuf,
        /// 有校验错误时仍打包（记录在 bag-info.txt）/ package despite validation errors (recorded)
        #[arg(long)]
        allow_findings: bool,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
        /// 年度全面维护未完成时仍报送的原因（随版本记录）/ why the package is made while the year's full
        /// maintenance is incomplete (kept with the version)
        #[arg(long, value_name = "TEXT")]
        incomplete_reason: Option<String>,
    },
    /// 版本：每次生成的报送包（序号、编号、日期、期次、校验结果、签名人）/ versions: every package made
    Versions,
    /// 逐字段比较两个版本，或版本与当前目录（working）/ compare two versions, or a version and the
    /// working catalog, field by field
    Diff {
        /// 版本序号、报送包编号或 working / a sequence number, a package id or `working`
        a: String,
        /// 版本序号、报送包编号或 working / a sequence number, a package id or `working`
        b: String,
    },
    /// 从某个版本恢复一个资源（一次可撤销的修改）/ restore a resource from a version (one undoable change)
    Restore {
        /// 版本序号或报送包编号 / a sequence number or a package id
        version: String,
        /// 该版本中的资源代码或名称 / the resource's code or name in that version
        #[arg(long)]
        resource: String,
    },
    /// 年度全面维护 / the annual full maintenance
    #[command(subcommand)]
    Maintain(crate::version_cmds::MaintainCommand),
    /// 报送单位名单（数据局）/ the agencies expected to report (a bureau)
    #[command(subcommand)]
    Submitter(crate::review_cmds::SubmitterCommand),
    /// 接收、审核报送包并出具回执（数据局）/ receive and review packages, issue receipts (a bureau)
    #[command(subcommand)]
    Review(crate::review_cmds::ReviewCommand),
    /// 导入数据局的审核回执，处理退回意见（报送单位）/ import the bureau's receipt, its comments (an agency)
    #[command(subcommand)]
    Receipt(crate::review_cmds::ReceiptCommand),
    /// 汇总通过审核的目录，审定并生成汇总报送包（数据局）/ summarize the approved catalogs, record
    /// the government's approval, make the summary package (a bureau)
    Summarize {
        #[command(subcommand)]
        command: Option<crate::summary_cmds::SummarizeCommand>,
    },
    /// 核验报送包 / verify a package (exit 0 trusted, 3 signer unknown, 2 broken)
    Verify {
        package: PathBuf,
        /// 信任的公钥（PEM），可重复 / a trusted public key, repeatable
        #[arg(long)]
        trust: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum GradeCommand {
    /// 按定级问卷的回答为一个或多个资源定级 / grade resources with the questionnaire's answers
    Answer(crate::grade_cmds::AnswerArgs),
    /// 确认从表格导入或扫描得到的定级 / confirm grades taken from a spreadsheet or a scan
    Confirm {
        /// 资源代码、名称或 #编号，可多个 / resource codes, names or #ids
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        resources: Vec<String>,
        /// 确认全部待确认的定级 / confirm every grade still to confirm
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// 目录工作簿：资源目录、共享目录、开放目录、信息项 / the catalog workbook
    Catalogs {
        out: PathBuf,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
    /// 填报模板：下拉选项、必填标记、填表说明 / the fill-in template
    Template {
        out: PathBuf,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
    /// 项目目录：财政资金建设的信息系统的资源目录工作簿（第十七条）/ a project catalog: the workbook of
    /// the resources of an information system built with public funds (Art. 17)
    Project {
        /// 信息系统名称 / the system's name
        system: String,
        /// 工作簿 .xlsx / the workbook to write
        #[arg(long)]
        out: PathBuf,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
    /// 开放目录的 DCAT 3 JSON-LD / the open catalog as DCAT 3 JSON-LD
    Dcat {
        out: PathBuf,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
        /// kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ViewArg {
    Resource,
    Sharing,
    Open,
}

#[derive(Subcommand, Debug)]
pub enum AgencyCommand {
    /// 修改机构信息（只改给出的项）/ change the given profile fields
    Set(AgencyArgs),
}

#[derive(Args, Debug, Default)]
pub struct AgencyArgs {
    /// 机构名称
    #[arg(long)]
    pub name: Option<String>,
    /// 统一社会信用代码
    #[arg(long)]
    pub uscc: Option<String>,
    /// 行政区划代码
    #[arg(long)]
    pub division: Option<String>,
    /// 机构层级：乡镇 / 区县部门 / 区县 / 市级部门 / 市 / 事业单位 / 公共企业
    #[arg(long)]
    pub level: Option<String>,
    /// 第一责任人（机构主要负责人）
    #[arg(long)]
    pub principal_head: Option<String>,
    /// 联系人
    #[arg(long)]
    pub contact_name: Option<String>,
    /// 联系电话
    #[arg(long)]
    pub contact_phone: Option<String>,
    /// 资源代码前段码（类项目[细目]），如 352111009
    #[arg(long)]
    pub code_prefix: Option<String>,
    /// 目录期次（年度）
    #[arg(long)]
    pub period: Option<String>,
}

impl AgencyArgs {
    pub fn pairs(&self) -> [(&'static str, &Option<String>); 9] {
        [
            ("name", &self.name),
            ("uscc", &self.uscc),
            ("division_code", &self.division),
            ("level", &self.level),
            ("principal_head", &self.principal_head),
            ("contact_name", &self.contact_name),
            ("contact_phone", &self.contact_phone),
            ("code_prefix", &self.code_prefix),
            ("period", &self.period),
        ]
    }
}

#[derive(Subcommand, Debug)]
pub enum SystemCommand {
    /// 添加或修改信息系统 / add or update a system
    Add {
        name: String,
        /// 使用财政资金建设
        #[arg(long)]
        public_funds: bool,
        /// 资金来源：财政投资 / 共同出资 / 购买服务 / 公共资金运营
        #[arg(long)]
        funding: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// 删除信息系统 / remove a system
    Rm { name: String },
    /// 列出信息系统 / list systems
    List {},
}

#[derive(Subcommand, Debug)]
pub enum ResourceCommand {
    /// 添加资源；未给代码时按前段码自动编号 / add a resource (numbered under the code prefix when no code is given)
    Add {
        #[command(flatten)]
        fields: ResourceArgs,
        /// 信息项 名称:类型[:长度][:id+personal]，可重复 / data item, repeatable
        #[arg(long = "item")]
        items: Vec<String>,
    },
    /// 修改资源（只改给出的项；值为空则清除）/ edit the given fields (an empty value clears one)
    Edit {
        /// 资源代码、名称或 #编号
        resource: String,
        #[command(flatten)]
        fields: ResourceArgs,
        /// 以这些信息项替换全部信息项 / replace all data items
        #[arg(long = "item")]
        items: Vec<String>,
        /// 追加信息项 / append a data item
        #[arg(long = "add-item")]
        add_items: Vec<String>,
        /// 按名称删除信息项 / remove a data item by name
        #[arg(long = "remove-item")]
        remove_items: Vec<String>,
    },
    /// 删除资源 / remove a resource
    Rm {
        /// 资源代码、名称或 #编号
        resource: String,
    },
}

#[derive(Args, Debug, Default)]
pub struct ResourceArgs {
    /// 信息资源名称
    #[arg(long)]
    pub name: Option<String>,
    /// 信息资源代码，如 352111009/000001
    #[arg(long)]
    pub code: Option<String>,
    /// 信息资源分类（默认由代码推出）
    #[arg(long)]
    pub classification: Option<String>,
    /// 信息资源提供方
    #[arg(long)]
    pub provider_name: Option<String>,
    /// 信息资源提供方代码（统一社会信用代码）
    #[arg(long)]
    pub provider_code: Option<String>,
    /// 信息资源摘要
    #[arg(long = "abstract")]
    pub summary: Option<String>,
    /// 信息资源格式，如“电子表格 xlsx”
    #[arg(long)]
    pub format: Option<String>,
    /// 格式分类
    #[arg(long)]
    pub format_class: Option<String>,
    /// 格式类型
    #[arg(long)]
    pub format_type: Option<String>,
    /// 敏感程度：公开 / 内部 / 涉密
    #[arg(long)]
    pub sensitivity: Option<String>,
    /// 共享类型：无条件共享 / 有条件共享 / 不予共享
    #[arg(long)]
    pub sharing_type: Option<String>,
    /// 共享条件
    #[arg(long)]
    pub sharing_condition: Option<String>,
    /// 共享依据（法律、法规、规章或文件）
    #[arg(long)]
    pub sharing_basis: Option<String>,
    /// 共享方式，如“共享平台方式/接口”
    #[arg(long)]
    pub sharing_method: Option<String>,
    /// 开放类型：无条件开放 / 有条件开放 / 不予开放
    #[arg(long)]
    pub open_type: Option<String>,
    /// 开放条件
    #[arg(long)]
    pub open_condition: Option<String>,
    /// 开放依据（内部数据：规定开放的法律、法规）
    #[arg(long)]
    pub open_basis: Option<String>,
    /// 已解密或脱敏：是 / 否
    #[arg(long)]
    pub declassified: Option<String>,
    /// 开放方式：下载 / 接口 / 依申请
    #[arg(long)]
    pub open_method: Option<String>,
    /// 访问或下载地址（https://…）
    #[arg(long)]
    pub open_address: Option<String>,
    /// 申请渠道：到哪里、以什么方式申请
    #[arg(long)]
    pub open_apply: Option<String>,
    /// 更新周期
    #[arg(long)]
    pub update_cycle: Option<String>,
    /// 发布日期
    #[arg(long)]
    pub published_on: Option<String>,
    /// 最近更新日期
    #[arg(long)]
    pub updated_on: Option<String>,
    /// 关联资源代码（多个以分号分隔）
    #[arg(long)]
    pub related_codes: Option<String>,
    /// 来源业务
    #[arg(long)]
    pub source_business: Option<String>,
    /// 来源系统
    #[arg(long)]
    pub source_system: Option<String>,
    /// 使用要求
    #[arg(long)]
    pub usage_requirements: Option<String>,
    /// 类别
    #[arg(long)]
    pub category: Option<String>,
    /// 数据量（条）
    #[arg(long)]
    pub record_count: Option<String>,
    /// 数据量（GB）
    #[arg(long)]
    pub data_volume_gb: Option<String>,
    /// 备注
    #[arg(long)]
    pub notes: Option<String>,
}

impl ResourceArgs {
    /// (field key, value) for each flag given, in the core's key names.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("name", &self.name),
            ("code", &self.code),
            ("classification", &self.classification),
            ("provider_name", &self.provider_name),
            ("provider_code", &self.provider_code),
            ("abstract", &self.summary),
            ("format", &self.format),
            ("format.class", &self.format_class),
            ("format.type", &self.format_type),
            ("sensitivity", &self.sensitivity),
            ("sharing.type", &self.sharing_type),
            ("sharing.condition", &self.sharing_condition),
            ("sharing.basis", &self.sharing_basis),
            ("sharing.method", &self.sharing_method),
            ("open.type", &self.open_type),
            ("open.condition", &self.open_condition),
            ("open.basis", &self.open_basis),
            ("open.declassified", &self.declassified),
            ("open.method", &self.open_method),
            ("open.address", &self.open_address),
            ("open.apply", &self.open_apply),
            ("update_cycle", &self.update_cycle),
            ("published_on", &self.published_on),
            ("updated_on", &self.updated_on),
            ("related_codes", &self.related_codes),
            ("source_business", &self.source_business),
            ("source_system", &self.source_system),
            ("usage_requirements", &self.usage_requirements),
            ("category", &self.category),
            ("record_count", &self.record_count),
            ("data_volume_gb", &self.data_volume_gb),
            ("notes", &self.notes),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}
