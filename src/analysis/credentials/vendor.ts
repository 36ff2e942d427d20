// Factory-default credentials of consumer devices and embedded distributions, each with the public document
// that states it. Only defaults a vendor, a distribution or a published advisory documents are listed.

export interface VendorDefault {
  readonly user: string;
  readonly password: string;
  readonly source: string;
}

export const VENDOR_DEFAULTS: readonly VendorDefault[] = [
  { user: 'root', password: '', source: 'OpenWrt documentation: first login (root has no password until one is set)' },
  { user: 'pi', password: 'raspberry', source: 'Raspberry Pi OS documentation (default user before the April 2022 release)' },
  { user: 'debian', password: 'temppwd', source: 'BeagleBoard.org Debian images documentation' },
  { user: 'ubnt', password: 'ubnt', source: 'Ubiquiti airOS / EdgeRouter / UniFi device documentation' },
  { user: 'admin', password: 'admin', source: 'TP-Link, Netgear (older), Linksys, Tenda, Dahua quick-start guides' },
  { user: 'admin', password: 'password', source: 'Netgear router documentation (default login)' },
  { user: 'admin', password: '1234', source: 'Zyxel user guides (default admin password)' },
  { user: 'admin', password: '', source: 'D-Link and MikroTik RouterOS documentation (empty admin password)' },
  { user: 'admin', password: '12345', source: 'Hikvision camera manuals before firmware 5.3 (2015)' },
  { user: 'admin', password: '888888', source: 'Dahua DVR/NVR manuals (888888 account)' },
  { user: 'admin', password: '666666', source: 'Dahua DVR/NVR manuals (666666 account)' },
  { user: 'root', password: 'pass', source: 'Axis network camera documentation (before 2018 firmware)' },
  { user: 'root', password: 'xc3511', source: 'Xiongmai/XiongMai DVR telnet (Flashpoint 2016 advisory, CVE-2016-1000245)' },
  { user: 'root', password: 'xmhdipc', source: 'Xiongmai IP camera telnet (CVE-2016-1000245)' },
  { user: 'root', password: '', source: 'Yocto Project reference manual: the debug-tweaks / empty-root-password image features' },
  { user: 'root', password: '', source: 'Buildroot manual: BR2_TARGET_GENERIC_ROOT_PASSWD left empty means root logs in without a password' },
  { user: 'root', password: 'dreambox', source: 'Dreambox set-top box documentation' },
  { user: 'admin', password: 'smcadmin', source: 'SMC Networks router documentation' },
  { user: 'admin', password: 'meinsm', source: 'Mobotix camera documentation' },
  { user: 'telecomadmin', password: 'admintelecom', source: 'Huawei HG8245 ONT operator account (documented in ISP setup guides)' },
  { user: 'cisco', password: 'cisco', source: 'Cisco small business router documentation' },
  { user: 'root', password: 'toor', source: 'Kali Linux images (documented default before 2020.1)' },
  { user: 'root', password: 'calvin', source: 'Dell iDRAC documentation (default root password)' },
];
