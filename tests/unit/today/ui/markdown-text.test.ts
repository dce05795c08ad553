// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MarkdownText from '../../../../renderer/src/components/common/MarkdownText.vue';

function render(text: string) {
  return mount(MarkdownText, { props: { text } });
}

describe('MarkdownText', () => {
  it('renders Markdown', () => {
    const wrapper = render('**Bold** and *soft*\n\n- one\n- two');
    expect(wrapper.find('strong').text()).toBe('Bold');
    expect(wrapper.find('em').text()).toBe('soft');
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['one', 'two']);
  });

  it('shows raw HTML as the characters typed and runs nothing', () => {
    const wrapper = render('<img src=x onerror=alert(1)>');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toBe('<img src=x onerror=alert(1)>');
    expect(wrapper.element.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(wrapper.element.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes block HTML and script inside Markdown', () => {
    const wrapper = render('Hello\n\n<script>alert(1)</script>\n\n<div onclick="x()">hi</div> *there*');
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('div[onclick]').exists()).toBe(false);
    expect(wrapper.text()).toContain('<script>alert(1)</script>');
  });

  it('keeps web and email links, opening outside the app, and drops other schemes', () => {
    const wrapper = render(
      '[site](https://example.com) [mail](mailto:a@example.com) [bad](javascript:alert(1)) [file](file:///etc/passwd)',
    );
    const links = wrapper.findAll('a');
    expect(links.map((a) => a.attributes('href'))).toEqual(['https://example.com', 'mailto:a@example.com']);
    expect(links.every((a) => a.attributes('target') === '_blank' && a.attributes('rel') === 'noopener noreferrer')).toBe(true);
    expect(wrapper.text()).toContain('bad');
    expect(wrapper.html()).not.toContain('javascript:');
  });

  it('shows an image as its description and fetches nothing', () => {
    const wrapper = render('![a chart](https://tracker.example/pixel.png)');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toBe('a chart');
  });

  it('shows a task list as read-only checkboxes', () => {
    const boxes = render('- [x] Sent the CV\n- [ ] Call the recruiter').findAll('li input');
    expect(
      boxes.map((box) => [box.attributes('type'), box.attributes('checked') !== undefined, box.attributes('disabled') !== undefined]),
    ).toEqual([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
  });
});
