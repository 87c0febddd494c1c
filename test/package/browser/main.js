// A Vite app that registers one element and gives it data.
import 'digest-elements/source-card';

document.querySelector('#card').data = {title: 'A source', url: 'https://example.com/'};
