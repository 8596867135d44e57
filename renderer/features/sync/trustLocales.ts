/**
 * Strings of the `sync` namespace's `trust` block: authenticated invites, the review shown when an
 * invite would change a workspace already here, and the hosts the Electron page may connect to.
 * Kept in its own file (merged into the namespace by locales.ts) so edits to the rest of the
 * namespace do not collide with these.
 */
export const trust = {
  'zh-TW': {
    joinPlaceholder: '貼上邀請碼（CR3. 開頭）',
    signedWith: '此邀請碼以你的裝置金鑰簽署；對方加入後會看到這組指紋：',
    errors: {
      mac: '邀請碼已被更改或損毀（驗證碼不符）：可能複製不完整、打錯，或在產生後被人改過。請向邀請人重新索取。',
      signature: '邀請碼的簽章與其標示的邀請人金鑰不符，已拒絕。請向邀請人重新索取。',
      outdated: '這是舊版邀請碼（CR1. 或 CR2.），沒有防竄改驗證。請向擁有者索取新的邀請碼。',
      choice: '這個選項不適用於此邀請碼，未做任何變更。',
    },
    review: {
      title: '警告：這個邀請碼會更改本機已有的工作區「{{name}}」',
      explain: '目前尚未做任何變更。請先與邀請人當面或以可信管道確認，再選擇要怎麼做。',
      hostsBefore: '目前連線的主機：',
      hostsAfter: '邀請碼中的主機：',
      noHosts: '（無）',
      keyChanged: '工作區金鑰不同！套用後本機會把這個工作區的內容同步到另一個加密房間——只有在你確定是擁有者重新邀請你時才這麼做（正常的金鑰輪替會經由成員名冊送達，不會透過邀請碼）。',
      keySame: '工作區金鑰相同（邀請人持有本工作區的金鑰）。',
      signedBy: '簽署者：',
      keep: '維持現狀（不做任何變更）',
      useHosts: '改用邀請碼中的主機',
      useAll: '改用邀請碼的金鑰、主機與建立者金鑰',
    },
    standing: {
      owner: '本機名冊中的擁有者',
      member: '本機名冊中的成員',
      removed: '已被移出本工作區的成員！',
      notMember: '不在本工作區名冊中的金鑰！',
      unknown: '本機尚無此工作區的名冊，無法核對；請與邀請人當面比對指紋',
      waiting: '名冊同步後會自動核對',
    },
    inviter: {
      signedBy: '你加入時所用的邀請碼由此金鑰簽署：',
      dismiss: '知道了',
    },
    hosts: {
      reloadNeeded: '已允許連線到新的主機；需要重新載入畫面才能連線。',
      reload: '重新載入',
      declined: '未允許連線到：{{hosts}}',
      invalid: '無法允許的主機位址（安全政策只接受主機名稱或 IPv4 位址）：{{hosts}}',
    },
  },
  'zh-CN': {
    joinPlaceholder: '粘贴邀请码（以 CR3. 开头）',
    signedWith: '此邀请码以你的设备密钥签名；对方加入后会看到这组指纹：',
    errors: {
      mac: '邀请码已被更改或损坏（验证码不符）：可能复制不完整、输错，或在生成后被人改过。请向邀请人重新索取。',
      signature: '邀请码的签名与其标明的邀请人密钥不符，已拒绝。请向邀请人重新索取。',
      outdated: '这是旧版邀请码（CR1. 或 CR2.），没有防篡改验证。请向所有者索取新的邀请码。',
      choice: '这个选项不适用于此邀请码，未做任何更改。',
    },
    review: {
      title: '警告：这个邀请码会更改本机已有的工作区“{{name}}”',
      explain: '目前尚未做任何更改。请先与邀请人当面或通过可信渠道确认，再选择怎么做。',
      hostsBefore: '当前连接的主机：',
      hostsAfter: '邀请码中的主机：',
      noHosts: '（无）',
      keyChanged: '工作区密钥不同！应用后本机会把这个工作区的内容同步到另一个加密房间——只有在你确定是所有者重新邀请你时才这样做（正常的密钥轮换会经由成员名册送达，不会通过邀请码）。',
      keySame: '工作区密钥相同（邀请人持有本工作区的密钥）。',
      signedBy: '签名者：',
      keep: '保持现状（不做任何更改）',
      useHosts: '改用邀请码中的主机',
      useAll: '改用邀请码的密钥、主机与创建者密钥',
    },
    standing: {
      owner: '本机名册中的所有者',
      member: '本机名册中的成员',
      removed: '已被移出本工作区的成员！',
      notMember: '不在本工作区名册中的密钥！',
      unknown: '本机尚无此工作区的名册，无法核对；请与邀请人当面比对指纹',
      waiting: '名册同步后会自动核对',
    },
    inviter: {
      signedBy: '你加入时所用的邀请码由此密钥签名：',
      dismiss: '知道了',
    },
    hosts: {
      reloadNeeded: '已允许连接到新的主机；需要重新加载页面才能连接。',
      reload: '重新加载',
      declined: '未允许连接到：{{hosts}}',
      invalid: '无法允许的主机地址（安全策略只接受主机名或 IPv4 地址）：{{hosts}}',
    },
  },
  en: {
    joinPlaceholder: 'Paste the invite code (starts with CR3.)',
    signedWith: 'This code is signed with your device key; whoever joins with it sees this fingerprint:',
    errors: {
      mac: 'The invite code was changed or is damaged (its authentication code does not match): copied incompletely, mistyped, or altered after it was made. Ask the person who invited you for a new one.',
      signature: 'The invite code’s signature does not match the inviter key it names; it was refused. Ask the person who invited you for a new one.',
      outdated: 'This is an old invite code (CR1. or CR2.) without tamper protection. Ask an owner for a new one.',
      choice: 'That choice does not apply to this invite code; nothing was changed.',
    },
    review: {
      title: 'Warning: this invite code would change "{{name}}", which is already on this computer',
      explain: 'Nothing has changed yet. Check with the person who invited you, in person or over a channel you trust, before you choose.',
      hostsBefore: 'Hosts it connects to now:',
      hostsAfter: 'Hosts in the invite code:',
      noHosts: '(none)',
      keyChanged: 'The workspace key is DIFFERENT. Applying it moves this computer’s copy of the workspace into another encrypted room: do it only if you are sure an owner re-invited you (a normal key rotation reaches you through the roster, never through an invite code).',
      keySame: 'The workspace key is the same (the inviter holds this workspace’s key).',
      signedBy: 'Signed by:',
      keep: 'Keep everything as it is',
      useHosts: 'Use the invite’s hosts',
      useAll: 'Use the invite’s key, hosts and creator key',
    },
    standing: {
      owner: 'an owner in this computer’s roster',
      member: 'a member in this computer’s roster',
      removed: 'a member who was REMOVED from this workspace!',
      notMember: 'a key that is NOT in this workspace’s roster!',
      unknown: 'this computer has no roster for the workspace yet: compare the fingerprint with the inviter in person',
      waiting: 'checked against the roster once it has synced',
    },
    inviter: {
      signedBy: 'The invite code you joined with was signed by this key:',
      dismiss: 'Dismiss',
    },
    hosts: {
      reloadNeeded: 'Connections to a new host are now allowed; the window must reload before it can connect.',
      reload: 'Reload',
      declined: 'Not allowed to connect to: {{hosts}}',
      invalid: 'Host addresses that cannot be allowed (the security policy takes host names or IPv4 addresses only): {{hosts}}',
    },
  },
};
