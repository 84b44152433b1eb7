#!/usr/bin/env python3
"""Writes the mail corpus the parser's tests read: one .eml per case and expected.json.

Run once from this folder (python3 make_corpus.py); the files it writes are committed. Well-formed
messages are made with Python's email library; the malformed ones are those messages mutated by hand
here (cut short, a parameter removed, a label changed, raw 8-bit header bytes). Boundaries come from a
seeded generator, so a run writes the same files again.
"""
import base64
import json
import mailbox
import os
import random
import tempfile
import quopri
from email import policy
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

CRLF = policy.compat32.clone(linesep="\r\n")
HERE = os.path.dirname(os.path.abspath(__file__))
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
expected = {}
random.seed(22)


def head(msg, subject="Test", sender="zhuoma@qh-shebao.example.cn", name=None, date=True):
    if subject is not None and "Subject" not in msg:
        msg["Subject"] = subject if subject.isascii() else Header(subject, "utf-8")
    msg["From"] = formataddr((name, sender)) if name else sender
    msg["To"] = "desk@helpdesk.example.cn"
    if date:
        msg["Date"] = "Mon, 07 Dec 2026 09:10:00 +0800"
    msg["Message-ID"] = "<%s@qh-shebao.example.cn>" % (len(expected) + 1)
    return msg


def save(name, data, subject, sender, text, attachments=(), automatic=False, problems=()):
    if isinstance(data, (Message,)):
        data = data.as_bytes(policy=CRLF)
    with open(os.path.join(HERE, name + ".eml"), "wb") as f:
        f.write(data)
    expected[name + ".eml"] = {
        "subject": subject, "from": sender, "text": text,
        "attachments": [{"name": n, "type": t} for n, t in attachments],
        "isAutomatic": automatic, "problems": list(problems),
    }


def gbk_word(s, charset="gbk"):
    return "=?%s?B?%s?=" % (charset.upper(), base64.b64encode(s.encode(charset)).decode())


# --- plain text in each charset -------------------------------------------------------------------
m = head(MIMEText("养老保险缴费基数核定无法提交，请帮助。", "plain", "utf-8"), subject="缴费基数核定无法提交")
save("01-plain-utf8", m, "缴费基数核定无法提交", "zhuoma@qh-shebao.example.cn", "核定无法提交")

m = MIMEText("西宁市社保局：待遇发放表导出报错。", "plain", "gbk")
m["Subject"] = Header("待遇发放表导出报错", "gbk")
save("02-gbk-base64", head(m), "待遇发放表导出报错", "zhuoma@qh-shebao.example.cn", "待遇发放表导出报错")

raw = ("Subject: =?GB2312?Q?" + "".join("=%02X" % b for b in "登录失败".encode("gb2312")) + "?=\r\n"
       "From: li@haidong.example.cn\r\nMIME-Version: 1.0\r\n"
       "Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n").encode()
raw += quopri.encodestring("海东市的账号登录失败，提示密码错误。".encode("gb2312") * 3)
save("03-gb2312-qp", raw, "登录失败", "li@haidong.example.cn", "提示密码错误")

m = head(MIMEText("生僻字姓名：𠀀𠮷，身份证号无法录入。", "plain", "gb18030"), subject="生僻字姓名")
save("04-gb18030", m, "生僻字姓名", "zhuoma@qh-shebao.example.cn", "𠀀𠮷")

m = MIMEText("養老金帳戶查詢異常", "plain", "big5")
m["Subject"] = Header("帳戶查詢", "big5")
save("05-big5", head(m), "帳戶查詢", "zhuoma@qh-shebao.example.cn", "養老金帳戶查詢異常")

m = head(MIMEText("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00fcber", "plain", "iso-8859-1"), subject="Latin")
save("06-latin1", m, "Latin", "zhuoma@qh-shebao.example.cn", "résumé über")

raw = (b"Subject: Windows\r\nFrom: a@b.example.cn\r\nContent-Type: text/plain; charset=windows-1252\r\n"
       b"Content-Transfer-Encoding: 8bit\r\n\r\nPrice \x80 5 \x93quoted\x94\r\n")
save("07-windows1252", raw, "Windows", "a@b.example.cn", "Price € 5 “quoted”")

raw = b"Subject: ascii\nFrom: Plain Person <Plain@Example.CN>\nContent-Type: text/plain; charset=us-ascii\n\nJust ascii.\n"
save("08-us-ascii-lf", raw, "ascii", "plain@example.cn", "Just ascii.")

# --- HTML only, alternatives, nesting ------------------------------------------------------------
html = ("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        "<p>第一段&nbsp;内容</p><div>第二段 &amp; &lt;标记&gt; &#20013;&#x6587;</div><ul><li>一</li><li>二</li></ul>"
        "行一<br>行二</body></html>")
m = head(MIMEText(html, "html", "utf-8"), subject="HTML only")
save("09-html-only", m, "HTML only", "zhuoma@qh-shebao.example.cn", "第二段 & <标记> 中文\n一\n二\n行一\n行二")

m = MIMEMultipart("alternative")
m.attach(MIMEText("纯文本版本", "plain", "utf-8"))
m.attach(MIMEText("<p>网页版本</p>", "html", "utf-8"))
save("10-alternative", head(m, subject="Alternative"), "Alternative", "zhuoma@qh-shebao.example.cn", "纯文本版本")

m = MIMEMultipart("alternative")
m.attach(MIMEText("<p>网页在前</p>", "html", "utf-8"))
m.attach(MIMEText("文本在后", "plain", "utf-8"))
save("11-alternative-html-first", head(m, subject="Alt2"), "Alt2", "zhuoma@qh-shebao.example.cn", "文本在后")

alt = MIMEMultipart("alternative")
alt.attach(MIMEText("见截图。", "plain", "utf-8"))
alt.attach(MIMEText('<p>见截图。<img src="cid:shot1"></p>', "html", "utf-8"))
rel = MIMEMultipart("related")
rel.attach(alt)
img = MIMEImage(PNG, "png")
img["Content-ID"] = "<shot1>"
img.add_header("Content-Disposition", "inline", filename="截图.png")
rel.attach(img)
m = MIMEMultipart("mixed")
m.attach(rel)
m.attach(MIMEApplication(PDF, "pdf", Name="report.pdf"))
m.get_payload()[1].add_header("Content-Disposition", "attachment", filename="report.pdf")
save("12-mixed-related-alternative", head(m, subject="Nested"), "Nested", "zhuoma@qh-shebao.example.cn", "见截图。",
     [("截图.png", "image/png"), ("report.pdf", "application/pdf")])

# --- attachment names ------------------------------------------------------------------------------
m = MIMEMultipart()
m.attach(MIMEText("附件是申报表。", "plain", "gbk"))
att = MIMEApplication(b"xls", "vnd.ms-excel")
att["Content-Disposition"] = 'attachment; filename="%s"' % gbk_word("申报表.xls")
m.attach(att)
m["Subject"] = gbk_word("申报表")
save("13-gbk-subject-gbk-filename", head(m), "申报表", "zhuoma@qh-shebao.example.cn", "附件是申报表",
     [("申报表.xls", "application/vnd.ms-excel")])

m = MIMEMultipart()
m.attach(MIMEText("See attached.", "plain", "utf-8"))
att = MIMEApplication(PDF, "pdf")
att.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "参保人员名单.pdf"))
m.attach(att)
save("14-rfc2231-utf8", head(m, subject="RFC 2231"), "RFC 2231", "zhuoma@qh-shebao.example.cn", "See attached.",
     [("参保人员名单.pdf", "application/pdf")])

name = "青海省机关事业单位养老保险信息系统操作手册第二版.docx"
quoted = "".join("%%%02X" % b for b in name.encode("utf-8"))
pieces = [quoted[i:i + 60] for i in range(0, len(quoted), 60)]
# Cut on whole %XX triples.
pieces, rest = [], quoted
while rest:
    cut = min(len(rest), 60)
    while cut < len(rest) and rest[cut] != "%":
        cut -= 1
    pieces.append(rest[:cut]); rest = rest[cut:]
disposition = "attachment;\r\n" + ";\r\n".join(
    " filename*%d*=%s%s" % (i, "UTF-8''" if i == 0 else "", p) for i, p in enumerate(pieces))
raw = ("Subject: continuations\r\nFrom: a@b.example.cn\r\nMIME-Version: 1.0\r\n"
       'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'
       "手册见附件\r\n--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: " + disposition +
       "\r\nContent-Transfer-Encoding: base64\r\n\r\nZG9jeA==\r\n--b1--\r\n").encode()
save("15-rfc2231-continuations", raw, "continuations", "a@b.example.cn", "手册见附件",
     [(name, "application/octet-stream")])

raw = ("Subject: gbk 2231\r\nFrom: a@b.example.cn\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n"
       "--zz\r\nContent-Type: text/plain\r\n\r\nbody\r\n--zz\r\nContent-Type: image/jpeg\r\n"
       "Content-Disposition: attachment; filename*=GBK'zh-cn'" +
       "".join("%%%02X" % b for b in "照片.jpg".encode("gbk")) + "\r\n\r\nJPEG\r\n--zz--\r\n").encode()
save("16-rfc2231-gbk", raw, "gbk 2231", "a@b.example.cn", "body", [("照片.jpg", "image/jpeg")])

m = MIMEMultipart()
m.attach(MIMEText("name only", "plain"))
att = MIMEBase("application", "zip", name="数据.zip")
att.set_payload(b"PK")
from email import encoders
encoders.encode_base64(att)
m.attach(att)
save("17-content-type-name", head(m, subject="Name"), "Name", "zhuoma@qh-shebao.example.cn", "name only",
     [("数据.zip", "application/zip")])

m = MIMEMultipart()
m.attach(MIMEText("no name", "plain"))
att = MIMEApplication(b"\x00\x01binary", "octet-stream")
m.attach(att)
save("18-attachment-no-name", head(m, subject="Nameless"), "Nameless", "zhuoma@qh-shebao.example.cn", "no name",
     [(None, "application/octet-stream")])

inner = head(MIMEText("原始邮件内容", "plain", "utf-8"), subject="原始问题", sender="x@y.example.cn")
m = MIMEMultipart()
m.attach(MIMEText("转发一封邮件。", "plain", "utf-8"))
m.attach(MIMEMessage(inner))
save("19-message-rfc822", head(m, subject="Fwd: 原始问题"), "Fwd: 原始问题", "zhuoma@qh-shebao.example.cn", "转发一封邮件",
     [("原始问题.eml", "message/rfc822")])

# --- automatic mail, replies ------------------------------------------------------------------------
m = head(MIMEText("我正在休假，12月10日回来。", "plain", "utf-8"), subject="自动回复: 缴费基数")
m["Auto-Submitted"] = "auto-replied"
save("20-auto-reply", m, "自动回复: 缴费基数", "zhuoma@qh-shebao.example.cn", "我正在休假", automatic=True)

m = head(MIMEText("系统升级通知", "plain", "utf-8"), subject="通知")
m["Precedence"] = "bulk"
save("21-bulk", m, "通知", "zhuoma@qh-shebao.example.cn", "系统升级通知", automatic=True)

report = MIMEMultipart("report", report_type="delivery-status")
report.attach(MIMEText("This is the mail system at host mx.example.cn.\nYour message could not be delivered.", "plain"))
status = MIMEBase("message", "delivery-status")
blocks = [Message(), Message()]
blocks[0]["Reporting-MTA"] = "dns; mx.example.cn"
blocks[1]["Final-Recipient"] = "rfc822; nobody@example.cn"
blocks[1]["Action"] = "failed"
status.set_payload(blocks)
report.attach(status)
report.attach(MIMEMessage(head(MIMEText("lost", "plain"), subject="Lost one", sender="desk@helpdesk.example.cn")))
save("22-bounce", head(report, subject="Undelivered Mail Returned to Sender", sender="MAILER-DAEMON@mx.example.cn"),
     "Undelivered Mail Returned to Sender", "mailer-daemon@mx.example.cn", "could not be delivered",
     [(None, "message/delivery-status"), ("Lost one.eml", "message/rfc822")], automatic=True)

m = head(MIMEText("补充材料已上传。\n\n> 请补充材料", "plain", "utf-8"), subject="Re: [#123] 待遇核定")
m["In-Reply-To"] = "<notice.123.4@helpdesk.example.cn>"
m["References"] = "<notice.123.1@helpdesk.example.cn> <notice.123.4@helpdesk.example.cn>"
save("23-reply-ticket-number", m, "Re: [#123] 待遇核定", "zhuoma@qh-shebao.example.cn", "补充材料已上传")

m = head(MIMEText("列表消息", "plain", "utf-8"), subject="[qh-list] 周报")
m["List-Id"] = "<qh-list.example.cn>"
save("24-list", m, "[qh-list] 周报", "zhuoma@qh-shebao.example.cn", "列表消息", automatic=True)

# --- malformed ------------------------------------------------------------------------------------
m = MIMEMultipart()
m.attach(MIMEText("正文在截断之前。", "plain", "utf-8"))
m.attach(MIMEApplication(PDF * 40, "pdf", Name="big.pdf"))
m.get_payload()[1].add_header("Content-Disposition", "attachment", filename="big.pdf")
whole = head(m, subject="Truncated").as_bytes(policy=CRLF)
save("25-truncated-multipart", whole[: whole.index(b"JVBER") + 300], "Truncated", "zhuoma@qh-shebao.example.cn",
     "正文在截断之前", [("big.pdf", "application/pdf")], problems=["brokenMultipart"])

m = MIMEMultipart()
m.attach(MIMEText("没有边界参数。", "plain", "utf-8"))
m.attach(MIMEImage(PNG, "png", name="a.png"))
whole = head(m, subject="No boundary").as_bytes(policy=CRLF)
boundary = m.get_boundary().encode()
whole = whole.replace(b'; boundary="' + boundary + b'"', b"", 1)
save("26-missing-boundary", whole, "No boundary", "zhuoma@qh-shebao.example.cn", "没有边界参数",
     [("a.png", "image/png")], problems=["brokenMultipart"])

raw = (b"Subject: bad label\r\nFrom: a@b.example.cn\r\nContent-Type: text/plain; charset=x-unknown-cs\r\n"
       b"Content-Transfer-Encoding: 8bit\r\n\r\n" + "错误的字符集标签".encode("gbk") + b"\r\n")
save("27-unknown-charset-gbk", raw, "bad label", "a@b.example.cn", "错误的字符集标签",
     problems=["unknownCharset:x-unknown-cs"])

raw = (b"Subject: =?bogus-8?B?" + base64.b64encode("标题".encode()) + b"?=\r\nFrom: a@b.example.cn\r\n"
       b"Content-Type: text/plain; charset=\"klingon\"\r\n\r\n" + "是UTF-8".encode() + b"\r\n")
save("28-unknown-charset-utf8", raw, "标题", "a@b.example.cn", "是UTF-8",
     problems=["unknownCharset:bogus-8", "unknownCharset:klingon"])

raw = (b"Subject: " + "八位标题 未编码".encode("gbk") + b"\r\nFrom: " + "卓玛".encode("gbk") +
       b" <zhuoma@example.cn>\r\nContent-Type: text/plain; charset=gbk\r\n\r\n" + "正文".encode("gbk") + b"\r\n")
save("29-8bit-header-gbk", raw, "八位标题 未编码", "zhuoma@example.cn", "正文", problems=["badHeader"])

raw = ("Subject: 八位UTF-8标题\r\nFrom: a@b.example.cn\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n正文\r\n").encode()
save("30-8bit-header-utf8", raw, "八位UTF-8标题", "a@b.example.cn", "正文")

raw = (b"Subject: bad base64\r\nFrom: a@b.example.cn\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n"
       b"Content-Type: text/plain\r\n\r\ntext\r\n--q\r\nContent-Type: application/pdf; name=x.pdf\r\n"
       b"Content-Transfer-Encoding: base64\r\n\r\nJVBE*!!not base64\r\n--q--\r\n")
save("31-bad-base64", raw, "bad base64", "a@b.example.cn", "text", [("x.pdf", "application/pdf")],
     problems=["badEncoding"])

body = base64.b64encode("缺少填充的正文".encode()).rstrip(b"=")
raw = (b"Subject: no padding\r\nFrom: a@b.example.cn\r\nContent-Type: text/plain; charset=utf-8\r\n"
       b"Content-Transfer-Encoding: base64\r\n\r\n" + body[:10] + b"\r\n" + body[10:] + b"\r\n")
save("32-base64-no-padding", raw, "no padding", "a@b.example.cn", "缺少填充的正文")

raw = (b"Subject: qp\r\nFrom: a@b.example.cn\r\nContent-Type: text/plain; charset=utf-8\r\n"
       b"Content-Transfer-Encoding: quoted-printable\r\n\r\n=e5=85=bb=E8=80=81=\r\n=e9=87=91 a=3Db soft=\nbreak\r\n")
save("33-qp-lowercase-soft", raw, "qp", "a@b.example.cn", "养老金 a=b softbreak")

raw = (b"Subject: =?UTF-8?Q?Re:_=E5=85=BB?= =?UTF-8?Q?=E8=80=81?=\r\n =?UTF-8?B?" + base64.b64encode("金".encode()[:2]) +
       b"?= =?UTF-8?B?" + base64.b64encode("金".encode()[2:]) + b"?= end\r\nFrom: a@b.example.cn\r\n\r\nx\r\n")
save("34-encoded-words-adjacent", raw, "Re: 养老金 end", "a@b.example.cn", "x")

raw = b"Subject: =?UTF-8?B?not*base64?= and =?UTF-8?X?y?= and =?broken\r\nFrom: a@b.example.cn\r\n\r\nx\r\n"
save("35-malformed-encoded-words", raw, "=?UTF-8?B?not*base64?= and =?UTF-8?X?y?= and =?broken", "a@b.example.cn", "x")

m = head(MIMEText("x", "plain"), subject="Name", name=str(Header("卓玛 才让", "gbk")))
del m["From"]
m["From"] = "%s <Zhuoma@QH.example.cn>" % gbk_word("卓玛 才让")
save("36-display-name-gbk", m, "Name", "zhuoma@qh.example.cn", "x")

m = MIMEMultipart()
m.attach(MIMEText("换行符是LF。", "plain", "utf-8"))
m.attach(MIMEApplication(b"data", "octet-stream", Name="lf.bin"))
save("37-multipart-lf", head(m, subject="LF").as_bytes(), "LF", "zhuoma@qh-shebao.example.cn", "换行符是LF",
     [("lf.bin", "application/octet-stream")])

m = MIMEMultipart()
m.preamble = "This is a multi-part message in MIME format. -- not a boundary --"
m.epilogue = "epilogue text\r\n--ignored"
m.attach(MIMEText("有前言和后记。", "plain", "utf-8"))
save("38-preamble-epilogue", head(m, subject="Preamble"), "Preamble", "zhuoma@qh-shebao.example.cn", "有前言和后记")

m = head(MIMEApplication(PDF, "pdf", Name="only.pdf"), subject="PDF only")
save("39-no-text-single", m, "PDF only", "zhuoma@qh-shebao.example.cn", "", [("only.pdf", "application/pdf")],
     problems=["noText"])

m = MIMEMultipart()
m.attach(MIMEImage(PNG, "png", name="1.png"))
m.attach(MIMEImage(PNG, "png", name="2.png"))
save("40-no-text-multipart", head(m, subject="Images"), "Images", "zhuoma@qh-shebao.example.cn", "",
     [("1.png", "image/png"), ("2.png", "image/png")], problems=["noText"])

part = MIMEText("最深处", "plain", "utf-8")
for _ in range(25):
    outer = MIMEMultipart("mixed")
    outer.attach(part)
    part = outer
save("41-too-deep", head(part, subject="Deep"), "Deep", "zhuoma@qh-shebao.example.cn", "",
     [(None, "multipart/mixed")], problems=["brokenMultipart", "noText"])

m = MIMEMultipart()
m.attach(MIMEText("正文。", "plain", "utf-8"))
t = MIMEText("日志内容", "plain", "utf-8")
t.add_header("Content-Disposition", "attachment", filename="log.txt")
m.attach(t)
save("42-text-attachment", head(m, subject="Log"), "Log", "zhuoma@qh-shebao.example.cn", "正文。",
     [("log.txt", "text/plain")])

m = MIMEMultipart()
m.attach(MIMEText("第一段文本", "plain", "utf-8"))
m.attach(MIMEText("第二段文本（签名）", "plain", "utf-8"))
save("43-two-text-parts", head(m, subject="Two"), "Two", "zhuoma@qh-shebao.example.cn", "第一段文本",
     [(None, "text/plain")])

m = head(MIMEText("Привет", "plain", "windows-1251"), subject="1251")
save("44-windows-1251", m, "1251", "zhuoma@qh-shebao.example.cn", "Привет")

raw = (b"Subject: =?x-gbk?B?" + base64.b64encode("别名".encode("gbk")) + b"?=\r\nFrom: a@b.example.cn\r\n"
       b"Content-Type: text/plain; charset=CP936\r\n\r\n" + "字符集别名".encode("gbk") + b"\r\n")
save("45-charset-aliases", raw, "别名", "a@b.example.cn", "字符集别名")

raw = ("Subject: upper\r\nFrom: a@b.example.cn\r\nContent-Type: TEXT/PLAIN; CHARSET=UTF8\r\n\r\n大写标签\r\n").encode()
save("46-uppercase-label", raw, "upper", "a@b.example.cn", "大写标签")

raw = (b"Subject: padding\r\nFrom: a@b.example.cn\r\nContent-Type: multipart/mixed; boundary=\"pad\"\r\n\r\n"
       b"--pad  \r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + "分隔行后有空格".encode() +
       b"\r\n--pad\t\r\nContent-Type: text/csv; name=a.csv\r\n\r\na,b\r\n--pad--  \r\n")
save("47-transport-padding", raw, "padding", "a@b.example.cn", "分隔行后有空格", [("a.csv", "text/csv")])

raw = (b"Subject: folded\r\nFrom: a@b.example.cn\r\nContent-Type: multipart/mixed;\r\n\tboundary=\"fold\"\r\n\r\n"
       b"--fold\r\nContent-Type: text/plain;\r\n charset=gbk\r\n\r\n" + "折行的头".encode("gbk") +
       b"\r\n--fold\r\nContent-Type: application/msword;\r\n name=\"" + gbk_word("通知.doc").encode() +
       b"\"\r\nContent-Disposition: attachment;\r\n\tfilename=\"" + gbk_word("通知.doc").encode() +
       b"\"\r\n\r\nDOC\r\n--fold--\r\n")
save("48-folded-part-headers", raw, "folded", "a@b.example.cn", "折行的头", [("通知.doc", "application/msword")])

raw = (b"Subject: raw name\r\nFrom: a@b.example.cn\r\nContent-Type: multipart/mixed; boundary=\"r\"\r\n\r\n"
       b"--r\r\nContent-Type: text/plain; charset=gbk\r\n\r\n" + "附件名是原始GBK".encode("gbk") +
       b"\r\n--r\r\nContent-Type: application/vnd.ms-excel\r\nContent-Disposition: attachment; filename=\"" +
       "工资表.xls".encode("gbk") + b"\"\r\n\r\nXLS\r\n--r--\r\n")
save("49-raw-gbk-filename", raw, "raw name", "a@b.example.cn", "附件名是原始GBK",
     [("工资表.xls", "application/vnd.ms-excel")], problems=["badHeader"])

# --- as an MDA is handed it: procmail, fetchmail --mda and postfix's pipe with flag F start the message
# with its mbox envelope line ("From sender date", no colon after From), written here by Python's mailbox
m = head(MIMEText("通过procmail转来的邮件，信封行在最前面。\nFrom here on the body keeps its own lines.\n", "plain", "utf-8"),
         subject="Envelope line")
with tempfile.TemporaryDirectory() as folder:
    box = mailbox.mbox(os.path.join(folder, "in"))
    envelope = mailbox.mboxMessage(m)
    envelope.set_from("zhuoma@qh-shebao.example.cn", (2026, 12, 7, 1, 10, 0, 0, 341, 0))
    box.add(envelope)
    box.flush()
    with open(os.path.join(folder, "in"), "rb") as f:
        raw = f.read()
save("50-mbox-envelope", raw, "Envelope line", "zhuoma@qh-shebao.example.cn", "信封行在最前面")

with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print(len(expected), "messages")
