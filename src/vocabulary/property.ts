const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const propertyResourceNamesZh = {
  Community: '小区',
  Building: '楼栋',
  Unit: '房屋',
  Owner: '业主档案',
  ParkingSpace: '车位',
};
export const propertyResourceNamesEn = {
  Community: 'Communities',
  Building: 'Buildings',
  Unit: 'Units',
  Owner: 'Owners',
  ParkingSpace: 'Parking spaces',
};

export const propertyZh = {
  Community: { properties: { ...common, name: '小区名称', address: '地址' } },
  Building: { properties: { ...common, communityId: '所属小区', name: '楼栋', floors: '楼层数' } },
  Unit: {
    properties: {
      ...common,
      buildingId: '楼栋',
      number: '房号',
      label: '房屋',
      floor: '楼层',
      area: '建筑面积（平方米）',
      ownerId: '业主',
      file: '房屋档案',
    },
  },
  Owner: {
    properties: {
      ...common,
      file: '业主档案',
      name: '业主姓名',
      phone: '联系电话',
      altPhone: '备用电话',
      email: '电子邮箱',
      moveInDate: '入住日期',
      lastReviewedOn: '最近清理日期',
      notes: '备注',
      reviewDue: '待清理（一年未核对）',
      archiveGaps: '档案缺项',
      arrearsAmount: '逾期欠费',
      monthsInArrears: '欠费月数',
      incomplete: '档案不完整',
    },
  },
  ParkingSpace: {
    properties: {
      ...common,
      communityId: '所属小区',
      code: '车位号',
      kind: '车位类型',
      note: '备注',
      occupancy: '租用情况',
      free: '今天空闲',
      'kind.surface': '地上车位',
      'kind.underground': '地下车位',
      'kind.mechanical': '机械车位',
    },
  },
};

export const propertyEn = {
  Community: { properties: { ...commonEn, name: 'Name', address: 'Address' } },
  Building: { properties: { ...commonEn, communityId: 'Community', name: 'Building', floors: 'Floors' } },
  Unit: {
    properties: {
      ...commonEn,
      buildingId: 'Building',
      number: 'Room number',
      label: 'Unit',
      floor: 'Floor',
      area: 'Area (m²)',
      ownerId: 'Owner',
      file: 'Unit file',
    },
  },
  Owner: {
    properties: {
      ...commonEn,
      file: "Owner's file",
      name: 'Name',
      phone: 'Phone',
      altPhone: 'Alternative phone',
      email: 'Email',
      moveInDate: 'Moved in on',
      lastReviewedOn: 'Last reviewed on',
      notes: 'Notes',
      reviewDue: 'Due for review (a year)',
      archiveGaps: 'Missing in file',
      arrearsAmount: 'Overdue arrears',
      monthsInArrears: 'Months in arrears',
      incomplete: 'Incomplete file',
    },
    actions: { review: 'Review file' },
  },
  ParkingSpace: {
    properties: {
      ...commonEn,
      communityId: 'Community',
      code: 'Space',
      kind: 'Kind',
      note: 'Note',
      occupancy: 'Let',
      free: 'Free today',
      'kind.surface': 'Surface',
      'kind.underground': 'Underground',
      'kind.mechanical': 'Mechanical',
    },
  },
};
